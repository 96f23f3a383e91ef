fn main() -> std::process::ExitCode {
    recapbot::cli::main()
}

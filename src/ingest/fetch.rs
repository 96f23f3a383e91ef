//! HTTP fetcher for untrusted URLs (feed and article URLs submitted by
//! Discord members).
//!
//! Guarantees:
//! * only `http` and `https` URLs are fetched;
//! * no connection is ever opened to a loopback, private, CGNAT, link-local,
//!   multicast, unspecified, broadcast or otherwise reserved address (see
//!   [`is_forbidden`]) unless the operator allows it. The check is done on the
//!   address that is actually connected to: reqwest is given our own DNS
//!   resolver, which only hands back addresses that passed the check, so a
//!   DNS-rebinding answer cannot slip in between "check" and "connect". URLs
//!   whose host is an IP literal never reach a resolver, so they are checked
//!   before anything is sent;
//! * redirects are followed by hand (at most [`FetchPolicy::max_redirects`]),
//!   and every hop is checked exactly like the first URL;
//! * the whole fetch (all hops, connect and body) is bounded by
//!   [`FetchPolicy::timeout`], and the (decoded) body by
//!   [`FetchPolicy::max_bytes`];
//! * proxies from the environment are ignored (a proxy would make the address
//!   check meaningless).

use std::error::Error as StdError;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::redirect;
use url::{Host, Url};

/// What the fetcher is allowed to do.
#[derive(Debug, Clone)]
pub struct FetchPolicy {
    /// Allow every private/reserved address (operator setting; tests use it
    /// for loopback servers). Defaults to `false`.
    pub allow_private: bool,
    /// Deadline for the whole fetch: every redirect hop, connect and body.
    pub timeout: Duration,
    /// Largest (decoded) body accepted, in bytes.
    pub max_bytes: u64,
    /// Largest number of redirects followed.
    pub max_redirects: usize,
    /// Operator allowlist of hosts that may be private even when
    /// `allow_private` is off: `"host:port"` (only that port) or `"host"`
    /// (any port). IPv6 hosts are written in brackets (`"[fd00::1]:8080"`).
    /// Host names are matched case-insensitively, on the URL's host (not on
    /// what it resolves to).
    pub allowed_private_hosts: Vec<String>,
}

impl Default for FetchPolicy {
    fn default() -> Self {
        FetchPolicy {
            allow_private: false,
            timeout: Duration::from_secs(10),
            max_bytes: 5 * 1024 * 1024,
            max_redirects: 5,
            allowed_private_hosts: Vec::new(),
        }
    }
}

/// Why a fetch failed.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The URL could not be parsed (also used for an unusable redirect
    /// `Location`).
    #[error("not a valid URL: {0}")]
    InvalidUrl(String),
    /// The URL's scheme is not http or https (payload: the scheme).
    #[error("only http and https URLs can be fetched (got {0})")]
    NotHttp(String),
    /// The host is, or resolves only to, a forbidden address.
    #[error("{host} resolves to {addr}, a private address: not fetched")]
    Forbidden { host: String, addr: IpAddr },
    /// Name resolution failed.
    #[error("could not resolve host: {0}")]
    Dns(String),
    /// The fetch did not complete within the policy's timeout.
    #[error("the fetch timed out")]
    Timeout,
    /// The body is larger than the cap (payload: the cap, in bytes).
    #[error("the response is larger than {0} bytes")]
    TooLarge(u64),
    /// More redirects than the policy allows.
    #[error("too many redirects")]
    TooManyRedirects,
    /// The server answered with a non-success status (or a redirect without a
    /// `Location`).
    #[error("the server answered HTTP {0}")]
    Status(u16),
    /// Connecting or sending the request failed.
    #[error("could not connect: {0}")]
    Connect(String),
    /// Reading the body failed.
    #[error("could not read the response body: {0}")]
    Body(String),
}

/// A successful fetch.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// Final URL, after redirects.
    pub url: String,
    pub status: u16,
    pub content_type: Option<String>,
    /// `ETag` of the response (for a 304 without one: the validator sent).
    pub etag: Option<String>,
    /// `Last-Modified` of the response (for a 304 without one: the validator
    /// sent).
    pub last_modified: Option<String>,
    pub body: Vec<u8>,
    /// The server answered 304 Not Modified; `body` is empty.
    pub not_modified: bool,
}

/// Fetches untrusted URLs under a [`FetchPolicy`]. Cheap to clone.
#[derive(Clone)]
pub struct Fetcher {
    policy: Arc<FetchPolicy>,
    /// Client whose resolver refuses forbidden addresses.
    public: reqwest::Client,
    /// Client whose resolver accepts any address; used only for hosts the
    /// operator allowed (or for everything when `allow_private`).
    trusted: reqwest::Client,
    /// Requests handed to reqwest (i.e. hops that passed the pre-checks).
    attempts: Arc<AtomicUsize>,
}

impl fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fetcher").field("policy", &self.policy).finish_non_exhaustive()
    }
}

impl Fetcher {
    pub fn new(policy: FetchPolicy) -> Fetcher {
        Fetcher {
            public: build_client(CheckingResolver { allow_private: false }),
            trusted: build_client(CheckingResolver { allow_private: true }),
            policy: Arc::new(policy),
            attempts: Arc::new(AtomicUsize::new(0)),
        }
    }

    pub fn policy(&self) -> &FetchPolicy {
        &self.policy
    }

    /// GET with optional conditional headers (If-None-Match /
    /// If-Modified-Since); a 304 returns Ok with `not_modified = true` and an
    /// empty body.
    pub async fn get(
        &self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<Fetched, FetchError> {
        match tokio::time::timeout(self.policy.timeout, self.get_inner(url, etag, last_modified))
            .await
        {
            Ok(result) => result,
            Err(_) => Err(FetchError::Timeout),
        }
    }

    async fn get_inner(
        &self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<Fetched, FetchError> {
        let mut current =
            Url::parse(url.trim()).map_err(|e| FetchError::InvalidUrl(e.to_string()))?;
        let mut headers = HeaderMap::new();
        if let Some(v) = etag.and_then(|v| HeaderValue::from_str(v).ok()) {
            headers.insert(header::IF_NONE_MATCH, v);
        }
        if let Some(v) = last_modified.and_then(|v| HeaderValue::from_str(v).ok()) {
            headers.insert(header::IF_MODIFIED_SINCE, v);
        }

        let mut redirects = 0usize;
        loop {
            let client = self.check_hop(&current)?;
            self.attempts.fetch_add(1, Ordering::SeqCst);
            let response = client
                .get(current.clone())
                .headers(headers.clone())
                .send()
                .await
                .map_err(|e| map_send_error(&current, e))?;
            let status = response.status();

            if status.is_redirection() && status != reqwest::StatusCode::NOT_MODIFIED {
                let Some(location) = response.headers().get(header::LOCATION) else {
                    return Err(FetchError::Status(status.as_u16()));
                };
                if redirects >= self.policy.max_redirects {
                    return Err(FetchError::TooManyRedirects);
                }
                redirects += 1;
                let location = location.to_str().map_err(|_| {
                    FetchError::InvalidUrl("redirect Location is not valid text".to_string())
                })?;
                let next = current.join(location).map_err(|e| {
                    FetchError::InvalidUrl(format!("redirect to {location:?}: {e}"))
                })?;
                tracing::debug!(from = %current, to = %next, "following redirect");
                current = next;
                continue;
            }

            let header_str = |name: header::HeaderName| {
                response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
            };
            let content_type = header_str(header::CONTENT_TYPE);
            let resp_etag = header_str(header::ETAG);
            let resp_last_modified = header_str(header::LAST_MODIFIED);

            if status == reqwest::StatusCode::NOT_MODIFIED {
                return Ok(Fetched {
                    url: current.to_string(),
                    status: status.as_u16(),
                    content_type,
                    etag: resp_etag.or_else(|| etag.map(str::to_owned)),
                    last_modified: resp_last_modified.or_else(|| last_modified.map(str::to_owned)),
                    body: Vec::new(),
                    not_modified: true,
                });
            }
            if !status.is_success() {
                return Err(FetchError::Status(status.as_u16()));
            }

            let body = read_capped(response, self.policy.max_bytes).await?;
            return Ok(Fetched {
                url: current.to_string(),
                status: status.as_u16(),
                content_type,
                etag: resp_etag,
                last_modified: resp_last_modified,
                body,
                not_modified: false,
            });
        }
    }

    /// Checks one hop before anything is sent, and picks the client to use.
    fn check_hop(&self, url: &Url) -> Result<&reqwest::Client, FetchError> {
        match url.scheme() {
            "http" | "https" => {}
            other => return Err(FetchError::NotHttp(other.to_string())),
        }
        let host = url.host().ok_or_else(|| FetchError::InvalidUrl(format!("{url}: no host")))?;
        if self.policy.allow_private || self.host_allowlisted(url) {
            return Ok(&self.trusted);
        }
        // IP literals never reach the resolver, so they are judged here.
        let literal = match host {
            Host::Ipv4(v4) => Some(IpAddr::V4(v4)),
            Host::Ipv6(v6) => Some(IpAddr::V6(v6)),
            Host::Domain(_) => None,
        };
        if let Some(addr) = literal {
            if is_forbidden(addr) {
                return Err(FetchError::Forbidden { host: host.to_string(), addr });
            }
        }
        Ok(&self.public)
    }

    fn host_allowlisted(&self, url: &Url) -> bool {
        let (Some(host), Some(port)) = (url.host_str(), url.port_or_known_default()) else {
            return false;
        };
        let with_port = format!("{host}:{port}");
        self.policy
            .allowed_private_hosts
            .iter()
            .map(|e| e.trim())
            .any(|entry| entry.eq_ignore_ascii_case(host) || entry.eq_ignore_ascii_case(&with_port))
    }

    /// Number of requests handed to the HTTP client so far (hops that passed
    /// the pre-connect checks). For tests.
    #[cfg(test)]
    fn attempts(&self) -> usize {
        self.attempts.load(Ordering::SeqCst)
    }
}

fn build_client(resolver: CheckingResolver) -> reqwest::Client {
    reqwest::Client::builder()
        .user_agent(concat!("recapbot/", env!("CARGO_PKG_VERSION")))
        .redirect(redirect::Policy::none())
        .no_proxy()
        .dns_resolver(Arc::new(resolver))
        .build()
        .expect("building the HTTP client (TLS backend initialisation) failed")
}

/// Reads the body, stopping as soon as it exceeds `max_bytes`.
async fn read_capped(response: reqwest::Response, max_bytes: u64) -> Result<Vec<u8>, FetchError> {
    if let Some(len) = response.content_length() {
        if len > max_bytes {
            return Err(FetchError::TooLarge(max_bytes));
        }
    }
    let mut body = Vec::with_capacity(
        response.content_length().unwrap_or(0).min(max_bytes).min(1024 * 1024) as usize,
    );
    let mut stream = response.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| {
            if e.is_timeout() {
                FetchError::Timeout
            } else {
                FetchError::Body(error_chain(&e))
            }
        })?;
        if body.len() as u64 + chunk.len() as u64 > max_bytes {
            return Err(FetchError::TooLarge(max_bytes));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Error returned by [`CheckingResolver`] when every address is forbidden.
#[derive(Debug)]
struct ForbiddenAddress {
    host: String,
    addr: IpAddr,
}

impl fmt::Display for ForbiddenAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} resolves to {}, a private address", self.host, self.addr)
    }
}

impl StdError for ForbiddenAddress {}

/// Error returned by [`CheckingResolver`] when resolution itself fails.
#[derive(Debug)]
struct ResolveFailed(String);

impl fmt::Display for ResolveFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl StdError for ResolveFailed {}

/// DNS resolver handed to reqwest: resolves with the system resolver and
/// returns only the addresses that may be connected to, so the check applies
/// to the very address the connection is made to.
#[derive(Debug, Clone, Copy)]
struct CheckingResolver {
    allow_private: bool,
}

impl CheckingResolver {
    async fn resolve_checked(self, host: String) -> Result<Vec<SocketAddr>, FetchError> {
        let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
            .await
            .map_err(|e| FetchError::Dns(format!("{host}: {e}")))?
            .collect();
        if addrs.is_empty() {
            return Err(FetchError::Dns(format!("{host}: no addresses")));
        }
        if self.allow_private {
            return Ok(addrs);
        }
        let allowed: Vec<SocketAddr> =
            addrs.iter().copied().filter(|a| !is_forbidden(a.ip())).collect();
        if allowed.is_empty() {
            return Err(FetchError::Forbidden { host, addr: addrs[0].ip() });
        }
        if allowed.len() != addrs.len() {
            tracing::debug!(%host, "dropped forbidden addresses from the DNS answer");
        }
        Ok(allowed)
    }
}

impl Resolve for CheckingResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let this = *self;
        let host = name.as_str().to_owned();
        Box::pin(async move {
            match this.resolve_checked(host).await {
                Ok(addrs) => Ok(Box::new(addrs.into_iter()) as Addrs),
                Err(FetchError::Forbidden { host, addr }) => {
                    Err(Box::new(ForbiddenAddress { host, addr }) as _)
                }
                Err(other) => Err(Box::new(ResolveFailed(other.to_string())) as _),
            }
        })
    }
}

/// Maps an error from `send()`, recognising our resolver's errors in the
/// source chain.
fn map_send_error(url: &Url, err: reqwest::Error) -> FetchError {
    let mut source: Option<&(dyn StdError + 'static)> = Some(&err);
    while let Some(e) = source {
        if let Some(f) = e.downcast_ref::<ForbiddenAddress>() {
            return FetchError::Forbidden { host: f.host.clone(), addr: f.addr };
        }
        if let Some(d) = e.downcast_ref::<ResolveFailed>() {
            return FetchError::Dns(d.0.clone());
        }
        source = e.source();
    }
    if err.is_timeout() {
        return FetchError::Timeout;
    }
    let host = url.host_str().unwrap_or("?");
    FetchError::Connect(format!("{host}: {}", error_chain(&err)))
}

fn error_chain(err: &dyn StdError) -> String {
    let mut out = err.to_string();
    let mut source = err.source();
    while let Some(e) = source {
        let s = e.to_string();
        if !out.contains(&s) {
            out.push_str(": ");
            out.push_str(&s);
        }
        source = e.source();
    }
    out
}

/// Whether an address must never be connected to for untrusted URLs:
/// loopback, private, CGNAT, link-local, multicast, unspecified, broadcast,
/// documentation/benchmark/reserved ranges, IPv6 ULA and site-local, and IPv6
/// forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo)
/// judged by that address.
pub fn is_forbidden(addr: IpAddr) -> bool {
    match addr {
        IpAddr::V4(v4) => is_forbidden_v4(v4),
        IpAddr::V6(v6) => is_forbidden_v6(v6),
    }
}

fn is_forbidden_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    a == 0 // 0.0.0.0/8 "this network", includes unspecified
        || a == 10 // private
        || (a == 100 && (64..128).contains(&b)) // CGNAT 100.64/10
        || a == 127 // loopback
        || (a == 169 && b == 254) // link-local (cloud metadata)
        || (a == 172 && (16..32).contains(&b)) // private 172.16/12
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments 192.0.0/24
        || (a == 192 && b == 0 && c == 2) // TEST-NET-1
        || (a == 192 && b == 88 && c == 99) // 6to4 relay anycast
        || (a == 192 && b == 168) // private
        || (a == 198 && (b == 18 || b == 19)) // benchmarking 198.18/15
        || (a == 198 && b == 51 && c == 100) // TEST-NET-2
        || (a == 203 && b == 0 && c == 113) // TEST-NET-3
        || a >= 224 // multicast 224/4, reserved 240/4, broadcast
}

fn is_forbidden_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    if ip.is_unspecified() || ip.is_loopback() {
        return true;
    }
    // IPv4-mapped ::ffff:a.b.c.d — judged by the IPv4 inside.
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_forbidden_v4(v4);
    }
    // IPv4-compatible ::a.b.c.d (deprecated) and the rest of ::/96.
    if s[..6] == [0, 0, 0, 0, 0, 0] {
        return true;
    }
    // NAT64 64:ff9b::/96 and local-use 64:ff9b:1::/48 — judged by the IPv4 inside.
    if s[0] == 0x64 && s[1] == 0xff9b {
        if s[2..6] == [0, 0, 0, 0] {
            return is_forbidden_v4(v4_from(s[6], s[7]));
        }
        if s[2] == 1 {
            return true;
        }
    }
    // 6to4 2002::/16 — embeds an IPv4 address in bits 16..48.
    if s[0] == 0x2002 {
        return is_forbidden_v4(v4_from(s[1], s[2]));
    }
    (s[0] & 0xff00) == 0xff00 // multicast ff00::/8
        || (s[0] & 0xfe00) == 0xfc00 // unique local fc00::/7
        || (s[0] & 0xffc0) == 0xfe80 // link-local fe80::/10
        || (s[0] & 0xffc0) == 0xfec0 // site-local fec0::/10 (deprecated)
        || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation 2001:db8::/32
        || (s[0] == 0x2001 && s[1] == 0) // Teredo 2001::/32 (tunnels to IPv4)
        || (s[0] == 0x0100 && s[1..4] == [0, 0, 0]) // discard-only 100::/64
}

fn v4_from(hi: u16, lo: u16) -> Ipv4Addr {
    let [a, b] = hi.to_be_bytes();
    let [c, d] = lo.to_be_bytes();
    Ipv4Addr::new(a, b, c, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::extract::{Path, Request};
    use axum::http::{HeaderMap as AxHeaders, StatusCode};
    use axum::middleware::{self, Next};
    use axum::response::{IntoResponse, Response};
    use axum::routing::get;
    use axum::Router;
    use std::time::Instant;

    /// A loopback test server counting the requests it receives.
    struct Server {
        port: u16,
        hits: Arc<AtomicUsize>,
    }

    impl Server {
        fn url(&self, path: &str) -> String {
            format!("http://127.0.0.1:{}{}", self.port, path)
        }
        fn hits(&self) -> usize {
            self.hits.load(Ordering::SeqCst)
        }
        fn host_port(&self) -> String {
            format!("127.0.0.1:{}", self.port)
        }
    }

    async fn serve(router: Router) -> Server {
        let hits = Arc::new(AtomicUsize::new(0));
        let counter = hits.clone();
        let router = router.layer(middleware::from_fn(move |req: Request, next: Next| {
            let counter = counter.clone();
            async move {
                counter.fetch_add(1, Ordering::SeqCst);
                next.run(req).await
            }
        }));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(async move {
            axum::serve(listener, router).await.unwrap();
        });
        Server { port, hits }
    }

    async fn feed(headers: AxHeaders) -> Response {
        if headers.get("if-none-match").and_then(|v| v.to_str().ok()) == Some("\"v1\"") {
            return StatusCode::NOT_MODIFIED.into_response();
        }
        if headers.get("if-modified-since").and_then(|v| v.to_str().ok())
            == Some("Wed, 01 Jan 2025 00:00:00 GMT")
        {
            return StatusCode::NOT_MODIFIED.into_response();
        }
        let ua = headers.get("user-agent").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        (
            [
                ("content-type", "application/rss+xml"),
                ("etag", "\"v1\""),
                ("last-modified", "Wed, 01 Jan 2025 00:00:00 GMT"),
                ("x-seen-ua", ua.as_str()),
            ],
            "<rss>hello</rss>",
        )
            .into_response()
    }

    async fn chain(Path(n): Path<u32>) -> Response {
        if n == 0 {
            return "end of chain".into_response();
        }
        // Alternate relative and absolute-path Locations.
        let location = if n % 2 == 0 { format!("/r/{}", n - 1) } else { format!("{}", n - 1) };
        (StatusCode::FOUND, [("location", location)]).into_response()
    }

    fn big(len: usize) -> Vec<u8> {
        vec![b'x'; len]
    }

    async fn test_server() -> Server {
        let router = Router::new()
            .route("/feed", get(feed))
            .route("/r/:n", get(chain))
            .route("/missing", get(|| async { StatusCode::NOT_FOUND }))
            .route("/big", get(|| async { big(2048) }))
            .route(
                "/big-chunked",
                get(|| async {
                    let chunks = (0..64).map(|_| Ok::<_, std::io::Error>(vec![b'y'; 100]));
                    Body::from_stream(futures::stream::iter(chunks))
                }),
            )
            .route(
                "/slow",
                get(|| async {
                    tokio::time::sleep(Duration::from_secs(3)).await;
                    "late"
                }),
            )
            .route(
                "/trickle",
                get(|| async {
                    let chunks = futures::stream::unfold(0u32, |i| async move {
                        if i > 0 {
                            tokio::time::sleep(Duration::from_millis(100)).await;
                        }
                        (i < 50).then(|| (Ok::<_, std::io::Error>(vec![b'z'; 10]), i + 1))
                    });
                    Body::from_stream(chunks)
                }),
            )
            .route(
                "/to-ftp",
                get(|| async { (StatusCode::FOUND, [("location", "ftp://127.0.0.1/x")]) }),
            )
            .route("/no-location", get(|| async { StatusCode::FOUND }));
        serve(router).await
    }

    fn open_policy() -> FetchPolicy {
        FetchPolicy { allow_private: true, ..FetchPolicy::default() }
    }

    fn assert_forbidden(result: Result<Fetched, FetchError>) -> (String, IpAddr) {
        match result {
            Err(FetchError::Forbidden { host, addr }) => (host, addr),
            other => panic!("expected Forbidden, got {other:?}"),
        }
    }

    #[test]
    fn defaults() {
        let p = FetchPolicy::default();
        assert!(!p.allow_private);
        assert_eq!(p.timeout, Duration::from_secs(10));
        assert_eq!(p.max_bytes, 5 * 1024 * 1024);
        assert_eq!(p.max_redirects, 5);
        assert!(p.allowed_private_hosts.is_empty());
    }

    #[test]
    fn forbidden_address_table() {
        let forbidden = [
            "0.0.0.0",
            "0.1.2.3",
            "10.0.0.1",
            "10.255.255.255",
            "100.64.0.1",
            "100.127.255.254",
            "127.0.0.1",
            "127.1.2.3",
            "169.254.169.254",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "192.0.0.8",
            "192.0.2.1",
            "198.18.0.1",
            "198.51.100.7",
            "203.0.113.9",
            "224.0.0.1",
            "239.255.255.250",
            "240.0.0.1",
            "255.255.255.255",
            "::",
            "::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "::127.0.0.1",
            "64:ff9b::10.0.0.1",
            "2002:7f00:1::",
            "2002:a00:1::1",
            "fe80::1",
            "febf::1",
            "fec0::1",
            "fc00::1",
            "fd00::1",
            "fdff:ffff::1",
            "ff02::1",
            "ff05::2",
            "2001:db8::1",
            "2001:0:4136:e378::1",
            "100::1",
        ];
        for a in forbidden {
            let ip: IpAddr = a.parse().unwrap();
            assert!(is_forbidden(ip), "{a} should be forbidden");
        }
        let allowed = [
            "93.184.216.34",
            "1.1.1.1",
            "8.8.8.8",
            "100.63.255.255",
            "100.128.0.1",
            "172.15.255.255",
            "172.32.0.1",
            "169.253.0.1",
            "192.169.0.1",
            "198.20.0.1",
            "223.255.255.255",
            "2606:4700::1",
            "2001:4860:4860::8888",
            "2a00:1450:4001::1",
            "::ffff:93.184.216.34",
            "64:ff9b::93.184.216.34",
            "2002:5db8:d822::1",
            "fbff::1",
            "fe00::1",
        ];
        for a in allowed {
            let ip: IpAddr = a.parse().unwrap();
            assert!(!is_forbidden(ip), "{a} should be allowed");
        }
    }

    #[tokio::test]
    async fn loopback_literal_refused_before_any_request() {
        let server = test_server().await;
        let fetcher = Fetcher::new(FetchPolicy::default());
        let (host, addr) = assert_forbidden(fetcher.get(&server.url("/feed"), None, None).await);
        assert_eq!(host, "127.0.0.1");
        assert_eq!(addr, IpAddr::V4(Ipv4Addr::LOCALHOST));
        assert_eq!(server.hits(), 0);
        assert_eq!(fetcher.attempts(), 0, "nothing may be handed to the HTTP client");
        let msg = FetchError::Forbidden {
            host: "feeds.example".into(),
            addr: "10.0.0.5".parse().unwrap(),
        }
        .to_string();
        assert_eq!(msg, "feeds.example resolves to 10.0.0.5, a private address: not fetched");
    }

    #[tokio::test]
    async fn localhost_name_refused_by_resolver() {
        let server = test_server().await;
        let fetcher = Fetcher::new(FetchPolicy::default());
        let url = format!("http://localhost:{}/feed", server.port);
        let (host, addr) = assert_forbidden(fetcher.get(&url, None, None).await);
        assert_eq!(host, "localhost");
        assert!(addr.is_loopback());
        assert_eq!(fetcher.attempts(), 1, "went through the resolver path");
        assert_eq!(server.hits(), 0);
    }

    #[tokio::test]
    async fn resolver_refuses_forbidden_names_directly() {
        let strict = CheckingResolver { allow_private: false };
        let err = match strict.resolve("localhost".parse().unwrap()).await {
            Ok(addrs) => panic!("resolved to {:?}", addrs.collect::<Vec<_>>()),
            Err(e) => e,
        };
        let f = err.downcast_ref::<ForbiddenAddress>().expect("ForbiddenAddress");
        assert!(f.addr.is_loopback());
        let lenient = CheckingResolver { allow_private: true };
        let addrs: Vec<_> = lenient.resolve("localhost".parse().unwrap()).await.unwrap().collect();
        assert!(!addrs.is_empty() && addrs.iter().all(|a| a.ip().is_loopback()));
    }

    #[tokio::test]
    async fn private_literals_refused_without_connecting() {
        let fetcher = Fetcher::new(FetchPolicy::default());
        let cases = [
            ("http://10.0.0.1/feed", "10.0.0.1"),
            ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
            ("http://[::1]:8080/", "::1"),
            ("https://[fd00::1]/", "fd00::1"),
            ("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1"),
            ("http://0.0.0.0/", "0.0.0.0"),
            ("http://0x7f.1/", "127.0.0.1"),
            ("http://2130706433/", "127.0.0.1"),
            ("http://192.168.1.1./", "192.168.1.1"),
            ("http://100.64.0.1/", "100.64.0.1"),
        ];
        for (url, expected) in cases {
            let start = Instant::now();
            let (_, addr) = assert_forbidden(fetcher.get(url, None, None).await);
            assert_eq!(addr, expected.parse::<IpAddr>().unwrap(), "{url}");
            assert!(start.elapsed() < Duration::from_millis(500), "{url} took too long");
        }
        assert_eq!(fetcher.attempts(), 0, "no request may reach the HTTP client");
    }

    #[tokio::test]
    async fn non_http_schemes_refused() {
        let fetcher = Fetcher::new(open_policy());
        for (url, scheme) in [
            ("ftp://127.0.0.1/feed.xml", "ftp"),
            ("file:///etc/passwd", "file"),
            ("gopher://127.0.0.1:70/", "gopher"),
            ("data:text/plain,hi", "data"),
        ] {
            match fetcher.get(url, None, None).await {
                Err(FetchError::NotHttp(s)) => assert_eq!(s, scheme),
                other => panic!("{url}: expected NotHttp, got {other:?}"),
            }
        }
        assert_eq!(
            FetchError::NotHttp("ftp".into()).to_string(),
            "only http and https URLs can be fetched (got ftp)"
        );
        assert!(matches!(
            fetcher.get("not a url", None, None).await,
            Err(FetchError::InvalidUrl(_))
        ));
        assert_eq!(fetcher.attempts(), 0);
    }

    #[tokio::test]
    async fn plain_fetch_returns_body_and_validators() {
        let server = test_server().await;
        let fetcher = Fetcher::new(open_policy());
        let got = fetcher.get(&server.url("/feed"), None, None).await.unwrap();
        assert_eq!(got.status, 200);
        assert!(!got.not_modified);
        assert_eq!(got.body, b"<rss>hello</rss>");
        assert_eq!(got.content_type.as_deref(), Some("application/rss+xml"));
        assert_eq!(got.etag.as_deref(), Some("\"v1\""));
        assert_eq!(got.last_modified.as_deref(), Some("Wed, 01 Jan 2025 00:00:00 GMT"));
        assert_eq!(got.url, server.url("/feed"));
        assert_eq!(server.hits(), 1);
    }

    #[tokio::test]
    async fn user_agent_is_recapbot() {
        let router = Router::new().route(
            "/",
            get(|h: AxHeaders| async move {
                h.get("user-agent").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned()
            }),
        );
        let server = serve(router).await;
        let got = Fetcher::new(open_policy()).get(&server.url("/"), None, None).await.unwrap();
        let ua = String::from_utf8(got.body).unwrap();
        assert_eq!(ua, format!("recapbot/{}", env!("CARGO_PKG_VERSION")));
    }

    #[tokio::test]
    async fn conditional_get_304() {
        let server = test_server().await;
        let fetcher = Fetcher::new(open_policy());
        let got = fetcher.get(&server.url("/feed"), Some("\"v1\""), None).await.unwrap();
        assert!(got.not_modified);
        assert_eq!(got.status, 304);
        assert!(got.body.is_empty());
        assert_eq!(got.etag.as_deref(), Some("\"v1\""));

        let got = fetcher
            .get(&server.url("/feed"), None, Some("Wed, 01 Jan 2025 00:00:00 GMT"))
            .await
            .unwrap();
        assert!(got.not_modified);
        assert_eq!(got.last_modified.as_deref(), Some("Wed, 01 Jan 2025 00:00:00 GMT"));

        // A stale validator gets the full body.
        let got = fetcher.get(&server.url("/feed"), Some("\"v0\""), None).await.unwrap();
        assert!(!got.not_modified);
        assert_eq!(got.body, b"<rss>hello</rss>");
    }

    #[tokio::test]
    async fn redirect_chain_limits() {
        let server = test_server().await;
        let fetcher = Fetcher::new(open_policy());
        let got = fetcher.get(&server.url("/r/5"), None, None).await.unwrap();
        assert_eq!(got.body, b"end of chain");
        assert_eq!(got.url, server.url("/r/0"));
        assert_eq!(server.hits(), 6);

        let err = fetcher.get(&server.url("/r/6"), None, None).await.unwrap_err();
        assert!(matches!(err, FetchError::TooManyRedirects), "{err:?}");

        let strict = Fetcher::new(FetchPolicy {
            allow_private: true,
            max_redirects: 0,
            ..Default::default()
        });
        let err = strict.get(&server.url("/r/1"), None, None).await.unwrap_err();
        assert!(matches!(err, FetchError::TooManyRedirects), "{err:?}");
    }

    #[tokio::test]
    async fn redirect_to_other_scheme_or_without_location() {
        let server = test_server().await;
        let fetcher = Fetcher::new(open_policy());
        let err = fetcher.get(&server.url("/to-ftp"), None, None).await.unwrap_err();
        assert!(matches!(err, FetchError::NotHttp(ref s) if s == "ftp"), "{err:?}");
        let err = fetcher.get(&server.url("/no-location"), None, None).await.unwrap_err();
        assert!(matches!(err, FetchError::Status(302)), "{err:?}");
    }

    #[tokio::test]
    async fn redirect_from_allowlisted_to_private_is_refused() {
        let target = test_server().await;
        let target_url = target.url("/feed");
        let target_localhost = format!("http://localhost:{}/feed", target.port);
        let router = Router::new()
            .route(
                "/hop-literal",
                get(move || {
                    let to = target_url.clone();
                    async move { (StatusCode::FOUND, [("location", to)]) }
                }),
            )
            .route(
                "/hop-name",
                get(move || {
                    let to = target_localhost.clone();
                    async move { (StatusCode::MOVED_PERMANENTLY, [("location", to)]) }
                }),
            )
            .route("/ok", get(|| async { "fine" }));
        let origin = serve(router).await;

        let fetcher = Fetcher::new(FetchPolicy {
            allowed_private_hosts: vec![origin.host_port()],
            ..FetchPolicy::default()
        });
        // The allowlisted server itself can be fetched.
        let got = fetcher.get(&origin.url("/ok"), None, None).await.unwrap();
        assert_eq!(got.body, b"fine");

        let (_, addr) =
            assert_forbidden(fetcher.get(&origin.url("/hop-literal"), None, None).await);
        assert!(addr.is_loopback());
        let (host, _) = assert_forbidden(fetcher.get(&origin.url("/hop-name"), None, None).await);
        assert_eq!(host, "localhost");
        assert_eq!(origin.hits(), 3);
        assert_eq!(target.hits(), 0, "the private redirect target must not be contacted");

        // Allowlisting the host for the wrong port does not help.
        let wrong_port = Fetcher::new(FetchPolicy {
            allowed_private_hosts: vec![format!("127.0.0.1:{}", origin.port.wrapping_add(1))],
            ..FetchPolicy::default()
        });
        assert_forbidden(wrong_port.get(&origin.url("/ok"), None, None).await);
        assert_eq!(origin.hits(), 3);
    }

    #[tokio::test]
    async fn allowlisted_host_name_goes_through_resolver() {
        let server = test_server().await;
        let fetcher = Fetcher::new(FetchPolicy {
            allowed_private_hosts: vec![format!("LOCALHOST:{}", server.port)],
            ..FetchPolicy::default()
        });
        let url = format!("http://localhost:{}/feed", server.port);
        let got = fetcher.get(&url, None, None).await.unwrap();
        assert_eq!(got.body, b"<rss>hello</rss>");
        // Host-only entries allow any port.
        let any_port = Fetcher::new(FetchPolicy {
            allowed_private_hosts: vec!["127.0.0.1".into()],
            ..FetchPolicy::default()
        });
        assert!(any_port.get(&server.url("/feed"), None, None).await.is_ok());
    }

    #[tokio::test]
    async fn body_cap() {
        let server = test_server().await;
        let fetcher = Fetcher::new(FetchPolicy { max_bytes: 1000, ..open_policy() });
        let err = fetcher.get(&server.url("/big"), None, None).await.unwrap_err();
        assert!(matches!(err, FetchError::TooLarge(1000)), "{err:?}");
        let err = fetcher.get(&server.url("/big-chunked"), None, None).await.unwrap_err();
        assert!(matches!(err, FetchError::TooLarge(1000)), "{err:?}");

        // Exactly at the cap is fine.
        let exact = Fetcher::new(FetchPolicy { max_bytes: 2048, ..open_policy() });
        assert_eq!(exact.get(&server.url("/big"), None, None).await.unwrap().body.len(), 2048);
        let exact = Fetcher::new(FetchPolicy { max_bytes: 6400, ..open_policy() });
        let got = exact.get(&server.url("/big-chunked"), None, None).await.unwrap();
        assert_eq!(got.body.len(), 6400);
    }

    #[tokio::test]
    async fn timeouts_cover_headers_and_body() {
        let server = test_server().await;
        let fetcher =
            Fetcher::new(FetchPolicy { timeout: Duration::from_millis(300), ..open_policy() });
        let start = Instant::now();
        let err = fetcher.get(&server.url("/slow"), None, None).await.unwrap_err();
        assert!(matches!(err, FetchError::Timeout), "{err:?}");
        assert!(start.elapsed() < Duration::from_secs(2));

        let start = Instant::now();
        let err = fetcher.get(&server.url("/trickle"), None, None).await.unwrap_err();
        assert!(matches!(err, FetchError::Timeout), "{err:?}");
        assert!(start.elapsed() < Duration::from_secs(2));
    }

    #[tokio::test]
    async fn error_status() {
        let server = test_server().await;
        let fetcher = Fetcher::new(open_policy());
        let err = fetcher.get(&server.url("/missing"), None, None).await.unwrap_err();
        assert!(matches!(err, FetchError::Status(404)), "{err:?}");
    }

    #[tokio::test]
    async fn connection_refused_is_connect_error() {
        // Bind then drop to get a (very likely) closed loopback port.
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let fetcher = Fetcher::new(open_policy());
        let err = fetcher.get(&format!("http://127.0.0.1:{port}/"), None, None).await.unwrap_err();
        assert!(matches!(err, FetchError::Connect(_)), "{err:?}");
    }
}

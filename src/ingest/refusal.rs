//! Telling episode recaps from other pages (news, lists, season reviews).

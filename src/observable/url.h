// URLs: the canonical text of url values, by the equivalences of RFC 3986
// section 6.2.2-6.2.3 that every browser and proxy agrees on, so that
// "HTTP://Пример.kz:80/a/./b/../%7euser#top" and
// "http://xn--e1afmkfd.kz/a/~user" are one key.
//
// - the scheme is lower-cased; a scheme is required ("evil.kz/x" is not a URL);
// - the host is a domain name (see domain_name.h: IDNA, lower case, no
//   trailing dot), a dotted quad or a bracketed IPv6 address, each in its
//   canonical text; user information is kept;
//   the scheme's default port (http and ws 80, https and wss 443, ftp 21) and
//   an empty port are dropped, leading zeros of a port removed;
// - an empty path after an authority becomes "/"; "." and ".." segments are
//   resolved;
// - percent-encoding: escapes of unreserved characters are decoded
//   ("%7E" -> "~"), other escapes use upper-case hex ("%2f" -> "%2F"), and
//   characters that may not appear in a URI (spaces, non-ASCII, quotes, ...)
//   are encoded as UTF-8 escapes, as browsers send them;
// - the fragment is dropped: it never leaves the client, so two URLs that
//   differ only there fetch the same resource.
// The query is kept as written apart from its escapes: parameter order and
// case may matter to the server. A '%' not followed by two hex digits, a bad
// host or port, and a missing scheme are errors.
//
// Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::observable {

// InvalidArgument, saying what is wrong, for text that is not a URL.
Result<std::string> NormaliseUrl(std::string_view text);

}  // namespace kenes::observable

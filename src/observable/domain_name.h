// Domain names: the canonical text of domain-name values and of the hosts of
// URLs and email addresses, so that "Пример.ҚАЗ.", "xn--e1afmkfd.xn--80ao21a"
// and "XN--E1AFMKFD.xn--80ao21a" are one key.
//
// The name is mapped by UTS #46 (ICU's uidna, nontransitional processing, as
// browsers do) to its ASCII form: Unicode labels become "xn--" A-labels,
// letters are lower-cased, full-width dots and characters are folded. The
// root's trailing dot is dropped. Underscores are kept ("_dmarc.example.kz"
// is a real name in DNS, though not a host name); so are "--" in the third
// and fourth positions of ASCII labels, which real names use
// ("r3---sn-abc.googlevideo.com"). Anything else UTS #46 refuses (empty or
// over-long labels, leading or trailing hyphens, invalid Punycode,
// disallowed code points, bidi violations) is an error.
//
// Pure function; thread-safe (each call opens its own ICU context handle,
// which ICU caches).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::observable {

// InvalidArgument, saying what is wrong, for text that is not a domain name.
Result<std::string> NormaliseDomainName(std::string_view text);

}  // namespace kenes::observable

// File hashes: the canonical text of one entry of a `hashes` dictionary
// (file, artifact, x509-certificate, ...), so that a SHA-256 written in
// upper case by one tool and lower case by another is one key.
//
// Algorithms of the STIX hash-algorithm-ov vocabulary whose values are hex
// (MD5, SHA-1, SHA-256, SHA-512, SHA3-256, SHA3-512) are lower-cased and
// must have their algorithm's length; the name of the algorithm is matched
// without regard to case or hyphens ("sha256", "Sha-256"), as feeds write it,
// and given its vocabulary spelling. TLSH is hex too but of two lengths
// (70, or 72 with its "T1" version prefix), and is upper-cased as its tools
// print it. SSDEEP, a text of its own, and algorithms outside the vocabulary
// are kept as given, less surrounding spaces.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::observable {

struct NormalisedHash {
  std::string algorithm;  // "SHA-256"; other algorithms as given
  std::string value;      // "e3b0c442..."
};

// InvalidArgument, saying what is wrong, for a value that is not a hash of
// the algorithm, or an empty one.
Result<NormalisedHash> NormaliseHash(std::string_view algorithm, std::string_view value);

}  // namespace kenes::observable

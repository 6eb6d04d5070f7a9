// WebhookSignature: how a delivery proves it comes from this node and was
// not altered or replayed.
//
// Each webhook has a secret the node generates and shows once, when the
// webhook is registered. Every delivery carries
//
//   X-Kenes-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>
//
// where the HMAC's key is the secret exactly as shown (its ASCII bytes) and
// its message is the timestamp's decimal digits, a '.', and the raw request
// body: HMAC-SHA256(secret, "<t>.<body>"). A receiver verifies by
//   1. splitting the header at ',' into t= and v1= (ignore other members:
//      a later version may add v2= beside v1=),
//   2. computing the HMAC over "<t>.<body as received, before any parsing>",
//   3. comparing it with v1 in constant time, and
//   4. refusing a t more than a few minutes from its own clock (replays).
// X-Kenes-Delivery names the delivery (one per webhook and notice, the same
// on every retry), so a receiver can drop a retry it already processed.
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kenes::notify {

// A fresh secret: "whsec_" and 64 hex digits (32 random bytes).
std::string NewWebhookSecret();

// The lowercase hex HMAC-SHA256 of "<unix_seconds>.<body>" keyed with `secret`.
std::string WebhookSignatureOf(std::string_view secret, int64_t unix_seconds, std::string_view body);

// The X-Kenes-Signature header value: "t=<unix_seconds>,v1=<signature>".
std::string WebhookSignatureHeader(std::string_view secret, int64_t unix_seconds, std::string_view body);

}  // namespace kenes::notify

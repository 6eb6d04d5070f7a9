// CorrelationIndex: which objects of which organisations hold each
// correlation key (observable/observable.h), in memory, and the
// cross-border links (cross_border_link.h) each new holding makes.
//
// A key held by objects of two or more organisations is a cross-border
// link. Add reports one when an organisation starts holding a key that
// another organisation holds: the key's first object of that organisation
// alerts, its further objects do not (the organisation is already a side of
// the link, and repeated reports of one phone would drown the alert book);
// after Remove has taken all of an organisation's objects of a key, its
// next one alerts again. The caller decides which organisations count (the
// correlator indexes only the community's member and partner
// organisations).
//
// Over-correlation, as MISP learned: keys on the warning lists
// (warning_list.h) are not indexed and never alert; a key offered more than
// `max_holdings_per_key` holdings becomes over-correlated: it keeps the
// holdings it has, records no more and never alerts again (until a
// rebuild), and Holders says so.
//
// Compact for tens of millions of keys: keys are interned back to back in
// one buffer, objects as a type number and their 16-byte UUID, organisations
// as small numbers; a key keeps its first two holdings inline.
//
// Thread-safety: any number of threads may call the const methods at once;
// Add and Remove take the lock exclusively. Returned values are the caller's.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "correlate/cross_border_link.h"
#include "correlate/interned_texts.h"
#include "observable/observable.h"

namespace kenes::correlate {

struct IndexLimits {
  size_t max_holdings_per_key = 200;  // beyond: the key is over-correlated
};

struct KeyHolders {
  std::vector<Holding> holdings;            // in the order they were added
  bool over_correlated = false;             // more holdings were offered than the cap: no alerts
  std::optional<std::string_view> warning;  // on a warning list: never indexed (warning_list.h)
};

struct IndexSize {
  size_t keys = 0;
  size_t objects = 0;
  size_t holdings = 0;
  size_t over_correlated_keys = 0;
  size_t memory_bytes = 0;  // held by the index, capacity included
};

class CorrelationIndex {
 public:
  explicit CorrelationIndex(IndexLimits limits = {});

  // Records that `holding` holds `keys` and returns the links this makes
  // (above). Keys it already held change nothing. InvalidArgument when the
  // object id is not a STIX id (type--UUID).
  Result<std::vector<CrossBorderLink>> Add(const Holding& holding, std::span<const observable::CorrelationKey> keys);

  // The same for an object whose keys are now exactly `keys` (a new version
  // of an indicator): it stops holding the keys it no longer has, and only
  // keys it did not hold before can make links.
  Result<std::vector<CrossBorderLink>> Replace(const Holding& holding,
                                               std::span<const observable::CorrelationKey> keys);

  // Forgets every holding of `object_id` (a revoked object, or one whose
  // new version replaces its keys). Unknown ids are no-ops.
  void Remove(std::string_view object_id);

  KeyHolders Holders(const observable::CorrelationKey& key) const;

  // The keys `object_id` holds, in the order it first held them.
  std::vector<observable::CorrelationKey> KeysOf(std::string_view object_id) const;

  IndexSize Size() const;

  // Writes the index to `path` (a temporary file renamed over it, so a
  // crash leaves the previous snapshot) with `marker`, a text the caller
  // reads back to know what the snapshot covers.
  Status Save(const std::filesystem::path& path, const std::string& marker) const;
  // Replaces the index with the snapshot at `path` and returns its marker.
  // NotFound when there is none; Corruption when it cannot be read (another
  // layout, a short file), and the index is then empty. The file is trusted
  // to be one Save wrote: it is the node's own, beside its store.
  Result<std::string> Load(const std::filesystem::path& path);

 private:
  // One holding in 8 bytes: object and organisation numbers.
  struct PackedHolding {
    uint32_t object = 0;
    uint16_t organisation = 0;
    bool operator==(const PackedHolding&) const = default;
  };
  struct KeyEntry {
    PackedHolding inline_holdings[2];
    uint32_t more = kNone;  // index into more_holdings_ of the holdings after the first two
    uint16_t count = 0;
    bool over_correlated = false;
  };
  struct ObjectEntry {
    uint32_t first_key = kNone;
    uint32_t more = kNone;  // index into more_keys_ of the keys after the first
  };
  static constexpr uint32_t kNone = UINT32_MAX;
  static constexpr size_t kObjectTextWidth = 18;  // type number and UUID

  // Empties the index. REQUIRES: mutex_ held exclusively.
  void Reset();

  // Add and Replace, with the lock held.
  Result<std::vector<CrossBorderLink>> AddLocked(const Holding& holding,
                                                 std::span<const observable::CorrelationKey> keys);
  // The number of an object that may not be indexed yet, or kNone.
  uint32_t FindObject(std::string_view object_id) const;
  // The interned form of an object id: 2-byte type number and 16-byte UUID.
  Status ObjectText(std::string_view object_id, std::string& text);
  std::optional<std::string> FindObjectText(std::string_view object_id) const;
  std::string ObjectId(uint32_t object) const;
  // The interned form of a key: 1-byte kind number and the value.
  std::optional<std::string> FindKeyText(const observable::CorrelationKey& key) const;
  observable::CorrelationKey KeyOf(uint32_t key) const;
  uint16_t InternOrganisation(const std::string& organisation);

  std::vector<PackedHolding> HoldingsOf(const KeyEntry& entry) const;
  void HoldingsOf(const KeyEntry& entry, std::vector<PackedHolding>& holdings) const;
  void AddHolding(KeyEntry& entry, PackedHolding holding);
  void RemoveObjectHoldings(KeyEntry& entry, uint32_t object);
  std::vector<uint32_t> KeysHeldBy(uint32_t object) const;
  void AddKeyOfObject(uint32_t object, uint32_t key);
  void ForgetKeysOfObject(uint32_t object);
  Holding Unpack(PackedHolding holding) const;

  IndexLimits limits_;
  mutable std::shared_mutex mutex_;
  InternedTexts keys_;
  InternedTexts objects_{kObjectTextWidth};
  std::vector<KeyEntry> key_entries_;        // by key number
  std::vector<ObjectEntry> object_entries_;  // by object number
  std::vector<std::vector<PackedHolding>> more_holdings_;
  std::vector<uint32_t> free_more_holdings_;
  std::vector<std::vector<uint32_t>> more_keys_;
  std::vector<std::string> kinds_;  // by kind number
  std::vector<std::string> object_types_;
  std::vector<std::string> organisations_;
  std::unordered_map<std::string, uint16_t> organisation_numbers_;
  size_t holdings_ = 0;
  size_t over_correlated_keys_ = 0;
  std::string scratch_text_;  // for Add, under the exclusive lock
  std::vector<PackedHolding> scratch_holders_;
};

}  // namespace kenes::correlate

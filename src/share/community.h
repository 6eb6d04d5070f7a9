// Community: the organisations of this node, their users, API keys and
// sharing groups, and who may change them.
//
// Kept in <data_dir>/community.db (community_schema.h says why there). The
// organisations' identity objects are also written to the object store, so
// they travel with the data their organisations author.
//
// Every change names the Principal acting and is authorised by role:
//   admin      everything
//   org-admin  users and keys of its own organisation (never of an admin
//              user, and it cannot make anyone admin); sharing groups its
//              organisation owns
//   any user   its own API keys
// Every change, and every refusal, is written to the audit log in the same
// transaction as the change.
//
// Authentication refuses unknown, malformed, revoked and expired keys and
// disabled users with one message, "invalid credentials", so a caller learns
// nothing about which it was; the audit log records the precise reason.
//
// Thread-safety: every method may be called from any thread; they are
// serialised on one connection. The AuditLog that audit() returns lives as
// long as the Community.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "share/audit_log.h"
#include "share/organisation.h"
#include "share/principal.h"
#include "store/clock.h"
#include "store/sqlite/connection.h"
#include "store/store.h"

namespace kenes::share {

// An organisation to add: id empty for a fresh random one; parent as a code
// or identity id.
struct OrganisationSpec {
  std::string id;
  std::string code;
  std::string name;
  Standing standing = Standing::kMember;
  std::string country;
  std::string parent;
  Tlp default_tlp = Tlp::kAmber;
};

// Changes to an organisation; unset fields stay as they are. An empty
// parent or country removes it.
struct OrganisationChange {
  std::optional<std::string> name;
  std::optional<Standing> standing;
  std::optional<std::string> country;
  std::optional<std::string> parent;
  std::optional<Tlp> default_tlp;
};

struct User {
  std::string name;
  std::string organisation;  // identity id
  Role role = Role::kReader;
  bool disabled = false;
  bool has_password = false;
};

struct KeyInfo {
  std::string key_id;
  std::string user;
  std::string label;
  Timestamp created;
  std::optional<Timestamp> expires;
  std::optional<Timestamp> revoked;
};

struct NewKey {
  std::string user;
  std::optional<Timestamp> expires;  // none: never expires
  std::string label;
};

struct SharingGroup {
  std::string id;  // stable; distributions refer to the group by it
  std::string name;
  std::string owner;                 // identity id of the owning organisation
  std::vector<std::string> members;  // identity ids, sorted
};

struct AuthenticatedKey {
  Principal principal;
  std::optional<Timestamp> expires;  // none: the key never expires
};

class Community {
 public:
  // Opens (creating when absent) the community database at `file`, in WAL
  // mode with synchronous FULL. Organisation identities go to `store`; times
  // come from `clock`. Both must outlive the Community.
  static Result<std::unique_ptr<Community>> Open(const std::filesystem::path& file, store::Store& store,
                                                 store::Clock& clock = store::SystemClock());

  // The database file of a data directory.
  static std::filesystem::path FileIn(const std::filesystem::path& data_dir) { return data_dir / "community.db"; }

  // Creates the community from `organisations` (in order: parents before
  // children) when it has none yet, and writes the Kenes identity, the
  // organisation extension definition and every organisation identity to
  // the store (again, harmlessly, when they are there). Returns the number of
  // organisations added (0 when the community existed). Admin only.
  Result<size_t> Found(const Principal& actor, const std::vector<OrganisationSpec>& organisations);

  // --- Organisations. Anyone may read them; only admin changes them.
  Result<Organisation> AddOrganisation(const Principal& actor, const OrganisationSpec& spec);
  Result<Organisation> ChangeOrganisation(const Principal& actor, std::string_view code_or_id,
                                          const OrganisationChange& change);
  Result<std::vector<Organisation>> Organisations();
  // By code (case-insensitive) or identity id. NotFound if none.
  Result<Organisation> FindOrganisation(std::string_view code_or_id);

  // --- Users. Names: 1-64 letters, digits, '.', '_', '-'.
  Status AddUser(const Principal& actor, const User& user, std::optional<std::string> password);
  Status DisableUser(const Principal& actor, std::string_view name);
  // The users `actor` manages: all for admin, its organisation's for org-admin.
  Result<std::vector<User>> Users(const Principal& actor);

  // --- API keys. Returns the whole key: the only time it is ever shown.
  Result<std::string> CreateKey(const Principal& actor, const NewKey& key);
  Status RevokeKey(const Principal& actor, std::string_view key_id);
  // The keys `actor` manages (its own; its organisation's for org-admin; all for admin).
  Result<std::vector<KeyInfo>> Keys(const Principal& actor);

  // --- Credentials. Both are audited, whatever the outcome.
  // The principal holding `api_key`, or Unauthenticated("invalid credentials").
  Result<Principal> Authenticate(std::string_view api_key, std::string_view source);
  // The same, with when the key expires, for callers that cache the answer.
  Result<AuthenticatedKey> AuthenticateKey(std::string_view api_key, std::string_view source);
  // The principal of user `name` with `password`, or Unauthenticated("invalid credentials").
  Result<Principal> AuthenticatePassword(std::string_view name, std::string_view password, std::string_view source);
  // The principal of user `name`, for a caller that has already established
  // who it is (the CLI run by the node's operator with --as). NotFound for
  // an unknown user, PermissionDenied for a disabled one.
  Result<Principal> ActAs(std::string_view name, std::string_view source);

  // --- Sharing groups. The owner is the actor's organisation unless an admin names another.
  Result<SharingGroup> AddGroup(const Principal& actor, std::string_view name, std::string_view owner);
  Status AddGroupMember(const Principal& actor, std::string_view group, std::string_view organisation);
  Status RemoveGroupMember(const Principal& actor, std::string_view group, std::string_view organisation);
  // Groups `actor` can see: all for admin; otherwise those its organisation owns or belongs to.
  Result<std::vector<SharingGroup>> Groups(const Principal& actor);

  // A value that changes whenever organisations, users, keys or groups may
  // have changed: at once for changes through this object, and within
  // kOtherProcessLag for changes in another process (e.g. a key revoked with
  // the CLI while the server runs). Caches of credentials and viewers
  // compare it before trusting what they hold; it is called on every
  // request, so it asks the database at most once per kOtherProcessLag.
  Result<uint64_t> Generation();
  static constexpr std::chrono::milliseconds kOtherProcessLag{100};

  AuditLog& audit() { return audit_; }

 private:
  Community(std::unique_ptr<store::sqlite::Connection> connection, store::Store& store, store::Clock& clock);

  // Runs `change` in one transaction with its audit entry; a refusal or
  // failure is audited on its own.
  // Everything below REQUIRES mutex_ held.
  Status Audited(const Principal& actor, std::string_view action, std::string_view target,
                 const std::function<Status(std::string& detail)>& change);
  // Stores objects Kenes publishes for the whole community (CLEAR, distribution community).
  Status PutPublicObjects(const std::vector<std::string>& texts);
  Status PutIdentities(const std::vector<Organisation>& organisations);
  Result<Organisation> LookupOrganisation(std::string_view code_or_id);
  Result<std::vector<Organisation>> AllOrganisations();
  Result<Organisation> InsertOrganisation(const OrganisationSpec& spec);
  Status WriteOrganisation(const Organisation& organisation, bool insert);
  Result<User> LoadUser(std::string_view name);
  Status RefuseCredentials(std::string_view user, std::string_view target, std::string_view source,
                           std::string reason);
  Status MayManageUser(const Principal& actor, const User& user);
  Result<SharingGroup> LoadGroup(std::string_view name);
  Status MayManageGroup(const Principal& actor, const SharingGroup& group);
  Status ChangeGroupMember(const Principal& actor, std::string_view group, std::string_view organisation, bool add);

  std::mutex mutex_;
  std::atomic<uint64_t> changes_ = 0;       // successful Audited changes made through this object
  std::atomic<uint64_t> data_version_ = 0;  // PRAGMA data_version when last asked
  std::atomic<bool> data_version_read_ = false;
  std::atomic<int64_t> data_version_read_ns_ = 0;  // steady_clock time of that, in nanoseconds
  std::unique_ptr<store::sqlite::Connection> connection_;
  store::Store& store_;
  store::Clock& clock_;
  AuditLog audit_;
};

}  // namespace kenes::share

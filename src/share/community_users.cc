// Community: users, API keys and authentication.
#include <fmt/format.h>

#include "share/api_key.h"
#include "share/community.h"
#include "share/password_hash.h"
#include "share/write_transaction.h"

namespace kenes::share {
namespace {

using store::sqlite::Statement;

constexpr std::string_view kInvalidCredentials = "invalid credentials";

Status CheckUserName(std::string_view name) {
  bool valid = !name.empty() && name.size() <= 64;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
          c == '-')) {
      valid = false;
    }
  }
  if (valid) return Status::Ok();
  return Status::InvalidArgument(
      fmt::format("'{}' is not a user name: use 1-64 letters, digits, '.', '_' or '-'", name));
}

Principal PrincipalOf(const User& user, std::string_view source) {
  return Principal{user.name, user.organisation, user.role, std::string(source)};
}

// A key is described to its managers without its hash.
constexpr const char* kKeyColumns = "key_id, user_name, label, created_us, expires_us, revoked_us";

KeyInfo ReadKey(const Statement& row) {
  KeyInfo key;
  key.key_id = row.Text(0);
  key.user = row.Text(1);
  key.label = row.Text(2);
  key.created = TimestampFromMicroseconds(row.Int(3));
  if (!row.IsNull(4)) key.expires = TimestampFromMicroseconds(row.Int(4));
  if (!row.IsNull(5)) key.revoked = TimestampFromMicroseconds(row.Int(5));
  return key;
}

}  // namespace

Result<User> Community::LoadUser(std::string_view name) {
  KENES_ASSIGN_OR_RETURN(
      Statement query,
      connection_->Prepare("SELECT name, organisation_id, role, disabled, password_hash IS NOT NULL FROM users "
                           "WHERE name = ?1"));
  query.BindText(1, name);
  KENES_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return Status::NotFound(fmt::format("no user '{}'", name));
  User user;
  user.name = query.Text(0);
  user.organisation = query.Text(1);
  user.role = ParseRole(query.Text(2)).value_or(Role::kReader);
  user.disabled = query.Int(3) != 0;
  user.has_password = query.Int(4) != 0;
  return user;
}

Status Community::MayManageUser(const Principal& actor, const User& user) {
  if (actor.role == Role::kAdmin) return Status::Ok();
  if (actor.role == Role::kOrgAdmin && actor.organisation == user.organisation && user.role != Role::kAdmin) {
    return Status::Ok();
  }
  return Status::PermissionDenied(
      fmt::format("{} may not manage user {}: an org-admin manages only the non-admin users of its own organisation",
                  actor.user, user.name));
}

Status Community::AddUser(const Principal& actor, const User& user, std::optional<std::string> password) {
  // Hashing takes a good fraction of a second: do it before taking the lock.
  std::optional<std::string> password_hash;
  if (password) {
    if (password->size() < 12) return Status::InvalidArgument("a password needs at least 12 characters");
    KENES_ASSIGN_OR_RETURN(password_hash, HashPassword(*password));
  }
  std::lock_guard lock(mutex_);
  return Audited(actor, "user.add", user.name, [&](std::string& detail) -> Status {
    KENES_RETURN_IF_ERROR(CheckUserName(user.name));
    KENES_ASSIGN_OR_RETURN(Organisation organisation, LookupOrganisation(user.organisation));
    User added = user;
    added.organisation = organisation.id;
    KENES_RETURN_IF_ERROR(MayManageUser(actor, added));
    if (LoadUser(user.name).ok()) return Status::AlreadyExists(fmt::format("user '{}' exists", user.name));
    KENES_ASSIGN_OR_RETURN(Statement insert,
                           connection_->Prepare("INSERT INTO users(name, organisation_id, role, password_hash, "
                                                "disabled, created_us) VALUES (?1, ?2, ?3, ?4, 0, ?5)"));
    insert.BindText(1, added.name);
    insert.BindText(2, added.organisation);
    insert.BindText(3, RoleName(added.role));
    if (password_hash) {
      insert.BindText(4, *password_hash);
    } else {
      insert.BindNull(4);
    }
    insert.BindInt(5, clock_.Now().TotalMicroseconds());
    detail = fmt::format("{} in {} ({})", RoleName(added.role), organisation.code, organisation.id);
    return insert.Run();
  });
}

Status Community::DisableUser(const Principal& actor, std::string_view name) {
  std::lock_guard lock(mutex_);
  return Audited(actor, "user.disable", name, [&](std::string&) -> Status {
    KENES_ASSIGN_OR_RETURN(User user, LoadUser(name));
    KENES_RETURN_IF_ERROR(MayManageUser(actor, user));
    KENES_ASSIGN_OR_RETURN(Statement update, connection_->Prepare("UPDATE users SET disabled = 1 WHERE name = ?1"));
    update.BindText(1, name);
    return update.Run();
  });
}

Result<std::vector<User>> Community::Users(const Principal& actor) {
  if (actor.role != Role::kAdmin && actor.role != Role::kOrgAdmin) {
    return Status::PermissionDenied("only an admin or org-admin may list users");
  }
  std::lock_guard lock(mutex_);
  KENES_ASSIGN_OR_RETURN(Statement query,
                         connection_->Prepare("SELECT name FROM users WHERE ?1 = '' OR organisation_id = ?1 "
                                              "ORDER BY name"));
  // Bound without a copy: a view of the actor's own string, never of a temporary.
  query.BindText(1, actor.role == Role::kAdmin ? std::string_view("") : std::string_view(actor.organisation));
  std::vector<std::string> names;
  while (true) {
    KENES_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    names.emplace_back(query.Text(0));
  }
  std::vector<User> users;
  for (const std::string& name : names) {
    KENES_ASSIGN_OR_RETURN(User user, LoadUser(name));
    users.push_back(std::move(user));
  }
  return users;
}

Result<std::string> Community::CreateKey(const Principal& actor, const NewKey& request) {
  std::lock_guard lock(mutex_);
  ApiKey key = NewApiKey();
  KENES_RETURN_IF_ERROR(Audited(actor, "key.create", key.key_id, [&](std::string& detail) -> Status {
    KENES_ASSIGN_OR_RETURN(User user, LoadUser(request.user));
    if (actor.user != user.name) KENES_RETURN_IF_ERROR(MayManageUser(actor, user));
    if (user.disabled) return Status::InvalidArgument(fmt::format("user {} is disabled", user.name));
    Timestamp now = clock_.Now();
    if (request.expires && *request.expires <= now) {
      return Status::InvalidArgument("the key's expiry time is in the past");
    }
    KENES_ASSIGN_OR_RETURN(Statement insert,
                           connection_->Prepare("INSERT INTO api_keys(key_id, user_name, hash, label, created_us, "
                                                "expires_us, revoked_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL)"));
    std::string hash = ApiKeyHash(key.text);
    insert.BindText(1, key.key_id);
    insert.BindText(2, user.name);
    insert.BindText(3, hash);
    insert.BindText(4, request.label);
    insert.BindInt(5, now.TotalMicroseconds());
    if (request.expires) {
      insert.BindInt(6, request.expires->TotalMicroseconds());
    } else {
      insert.BindNull(6);
    }
    detail =
        fmt::format("for {}{}", user.name, request.expires ? ", expires " + FormatTimestamp(*request.expires, 0) : "");
    return insert.Run();
  }));
  return key.text;
}

Status Community::RevokeKey(const Principal& actor, std::string_view key_id) {
  std::lock_guard lock(mutex_);
  return Audited(actor, "key.revoke", key_id, [&](std::string&) -> Status {
    KENES_ASSIGN_OR_RETURN(Statement query,
                           connection_->Prepare(fmt::format("SELECT {} FROM api_keys WHERE key_id = ?1", kKeyColumns)));
    query.BindText(1, key_id);
    KENES_ASSIGN_OR_RETURN(bool found, query.Step());
    if (!found) return Status::NotFound(fmt::format("no API key {}", key_id));
    KeyInfo key = ReadKey(query);
    KENES_ASSIGN_OR_RETURN(User user, LoadUser(key.user));
    if (actor.user != user.name) KENES_RETURN_IF_ERROR(MayManageUser(actor, user));
    if (key.revoked) return Status::InvalidArgument(fmt::format("API key {} is already revoked", key_id));
    KENES_ASSIGN_OR_RETURN(Statement update,
                           connection_->Prepare("UPDATE api_keys SET revoked_us = ?2 WHERE key_id = ?1"));
    update.BindText(1, key_id);
    update.BindInt(2, clock_.Now().TotalMicroseconds());
    return update.Run();
  });
}

Result<std::vector<KeyInfo>> Community::Keys(const Principal& actor) {
  std::lock_guard lock(mutex_);
  // Admin: every key; org-admin: its organisation's; anyone else: its own.
  KENES_ASSIGN_OR_RETURN(
      Statement query,
      connection_->Prepare(fmt::format("SELECT {} FROM api_keys JOIN users ON users.name = api_keys.user_name "
                                       "WHERE ?1 = 'admin' OR (?1 = 'org-admin' AND users.organisation_id = ?2) "
                                       "OR users.name = ?3 ORDER BY api_keys.created_us, key_id",
                                       "key_id, user_name, label, api_keys.created_us, expires_us, revoked_us")));
  query.BindText(1, RoleName(actor.role));
  query.BindText(2, actor.organisation);
  query.BindText(3, actor.user);
  std::vector<KeyInfo> keys;
  while (true) {
    KENES_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) return keys;
    keys.push_back(ReadKey(query));
  }
}

Status Community::RefuseCredentials(std::string_view user, std::string_view target, std::string_view source,
                                 std::string reason) {
  AuditEvent event{Principal{std::string(user), "", Role::kReader, std::string(source)}, "auth", std::string(target),
                   AuditOutcome::kDenied, std::move(reason)};
  KENES_RETURN_IF_ERROR(InWriteTransaction(
      *connection_, [&] { return AuditLog::AppendInTransaction(*connection_, clock_.Now(), event); }));
  return Status::Unauthenticated(std::string(kInvalidCredentials));
}

Result<Principal> Community::Authenticate(std::string_view api_key, std::string_view source) {
  KENES_ASSIGN_OR_RETURN(AuthenticatedKey key, AuthenticateKey(api_key, source));
  return std::move(key.principal);
}

Result<AuthenticatedKey> Community::AuthenticateKey(std::string_view api_key, std::string_view source) {
  // Hash first, so an unknown key id costs the same as a wrong secret.
  std::string hash = ApiKeyHash(api_key);
  std::optional<std::string> key_id = ApiKeyId(api_key);
  std::lock_guard lock(mutex_);
  if (!key_id) return RefuseCredentials("", "", source, "malformed API key");
  KENES_ASSIGN_OR_RETURN(
      Statement query,
      connection_->Prepare("SELECT hash, user_name, expires_us, revoked_us FROM api_keys WHERE key_id = ?1"));
  query.BindText(1, *key_id);
  KENES_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return RefuseCredentials("", *key_id, source, "unknown API key id");
  bool matches = SameApiKeyHash(query.Text(0), hash);
  std::string user_name(query.Text(1));
  std::optional<Timestamp> expires;
  if (!query.IsNull(2)) expires = TimestampFromMicroseconds(query.Int(2));
  bool revoked = !query.IsNull(3);
  Timestamp now = clock_.Now();
  if (!matches) return RefuseCredentials(user_name, *key_id, source, "wrong secret for the API key");
  if (revoked) return RefuseCredentials(user_name, *key_id, source, "API key revoked");
  if (expires && expires->TotalMicroseconds() <= now.TotalMicroseconds()) {
    return RefuseCredentials(user_name, *key_id, source, "API key expired at " + FormatTimestamp(*expires, 0));
  }
  KENES_ASSIGN_OR_RETURN(User user, LoadUser(user_name));
  if (user.disabled) return RefuseCredentials(user_name, *key_id, source, "user is disabled");
  Principal principal = PrincipalOf(user, source);
  AuditEvent event{principal, "auth", *key_id, AuditOutcome::kOk, "API key"};
  KENES_RETURN_IF_ERROR(
      InWriteTransaction(*connection_, [&] { return AuditLog::AppendInTransaction(*connection_, now, event); }));
  return AuthenticatedKey{std::move(principal), expires};
}

Result<Principal> Community::AuthenticatePassword(std::string_view name, std::string_view password,
                                                  std::string_view source) {
  std::optional<std::string> stored;
  Result<User> user = Status::NotFound("");
  {
    std::lock_guard lock(mutex_);
    user = LoadUser(name);
    if (user.ok()) {
      KENES_ASSIGN_OR_RETURN(Statement query, connection_->Prepare("SELECT password_hash FROM users WHERE name = ?1"));
      query.BindText(1, name);
      KENES_ASSIGN_OR_RETURN(bool found, query.Step());
      if (found && !query.IsNull(0)) stored = std::string(query.Text(0));
    }
  }
  // Verified without the lock (it is slow), and against a throwaway hash when
  // there is none, so an unknown user takes as long as a wrong password.
  static const Result<std::string> kDecoy = HashPassword("kenes decoy password");
  bool matches = VerifyPassword(stored ? *stored : (kDecoy.ok() ? *kDecoy : ""), password) && stored.has_value();
  std::lock_guard lock(mutex_);
  if (!user.ok()) return RefuseCredentials("", name, source, "unknown user");
  if (!stored) return RefuseCredentials(user->name, name, source, "user has no password");
  if (!matches) return RefuseCredentials(user->name, name, source, "wrong password");
  if (user->disabled) return RefuseCredentials(user->name, name, source, "user is disabled");
  Principal principal = PrincipalOf(*user, source);
  AuditEvent event{principal, "auth", user->name, AuditOutcome::kOk, "password"};
  KENES_RETURN_IF_ERROR(InWriteTransaction(
      *connection_, [&] { return AuditLog::AppendInTransaction(*connection_, clock_.Now(), event); }));
  return principal;
}

Result<Principal> Community::ActAs(std::string_view name, std::string_view source) {
  std::lock_guard lock(mutex_);
  Result<Principal> principal = Status::Internal("unset");
  Principal operator_principal = NodeOperator(std::string(source));
  Status status = Audited(operator_principal, "auth.act-as", name, [&](std::string&) -> Status {
    KENES_ASSIGN_OR_RETURN(User user, LoadUser(name));
    if (user.disabled) return Status::PermissionDenied(fmt::format("user {} is disabled", name));
    principal = PrincipalOf(user, source);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return principal;
}

}  // namespace kenes::share

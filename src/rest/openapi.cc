#include "rest/openapi.h"

namespace kenes::rest {
namespace {

// Written by hand, as JSON: the test keeps its paths and methods true to the router.
constexpr std::string_view kDocument = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "Kenes REST API",
    "version": "1",
    "description": "Search, read, create and revise STIX 2.1 objects as a user of a Kenes node, and read its community. Every read shows only what the user's organisation may see under the community's sharing rules (TLP 2.0 and distribution); a hidden object reads exactly like an unknown one. Every error is {\"error\": {\"status\", \"title\", \"message\", \"details\"?}}."
  },
  "servers": [{"url": "/"}],
  "security": [{"bearer": []}, {"basic": []}],
  "tags": [{"name": "objects"}, {"name": "community"}, {"name": "alerts"}, {"name": "meta"}],
  "paths": {
    "/api/v1/objects": {
      "get": {
        "tags": ["objects"],
        "operationId": "searchObjects",
        "summary": "Search the latest version of each visible object, newest additions last",
        "parameters": [
          {"name": "type", "in": "query", "description": "Object types; repeat or separate with commas", "schema": {"type": "array", "items": {"type": "string"}}, "style": "form", "explode": true},
          {"name": "author", "in": "query", "description": "created_by_ref: an identity id or an organisation's code", "schema": {"type": "string"}},
          {"name": "tlp", "in": "query", "description": "TLP levels; repeat or separate with commas", "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Tlp"}}, "style": "form", "explode": true},
          {"name": "added_after", "in": "query", "description": "Only objects the node added strictly after this RFC 3339 time", "schema": {"type": "string", "format": "date-time"}},
          {"name": "added_before", "in": "query", "description": "Only objects the node added at or before this RFC 3339 time", "schema": {"type": "string", "format": "date-time"}},
          {"name": "q", "in": "query", "description": "Full text over name, description and aliases: every word must occur; a trailing * matches a prefix", "schema": {"type": "string", "maxLength": 1000}},
          {"name": "limit", "in": "query", "description": "Objects per page; larger values are cut down to the node's maximum", "schema": {"type": "integer", "minimum": 1}},
          {"name": "cursor", "in": "query", "description": "The next of the previous page, with the same filters", "schema": {"type": "string"}},
          {"name": "facets", "in": "query", "description": "Also count the whole result set by type, TLP and author", "schema": {"type": "boolean", "default": false}}
        ],
        "responses": {
          "200": {"description": "One page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchPage"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"}
        }
      },
      "post": {
        "tags": ["objects"],
        "operationId": "createObject",
        "summary": "Create an object as the user's organisation",
        "description": "The server sets created_by_ref and adds the TLP and distribution markings; it fills in spec_version, id, created and modified when absent. Readers may not write.",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WriteRequest"}}}},
        "responses": {
          "201": {"description": "Stored", "headers": {"Location": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WriteResult"}}}},
          "200": {"description": "This exact object was stored already", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WriteResult"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"},
          "415": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/objects/{id}": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "get": {
        "tags": ["objects"],
        "operationId": "getObject",
        "summary": "The latest visible version, with its links to visible objects in both directions",
        "responses": {
          "200": {"description": "The object", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ObjectPage"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}
        }
      },
      "put": {
        "tags": ["objects"],
        "operationId": "reviseObject",
        "summary": "Store a new version of an object the user's organisation created",
        "description": "id, type and created are kept; modified is set to now when absent or not newer than the latest version. A body naming another id is refused.",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WriteRequest"}}}},
        "responses": {
          "201": {"description": "Stored", "headers": {"Location": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WriteResult"}}}},
          "200": {"description": "This exact version was stored already", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WriteResult"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"},
          "415": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/objects/{id}/versions": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "get": {
        "tags": ["objects"],
        "operationId": "getObjectVersions",
        "summary": "Every visible version, oldest first",
        "responses": {
          "200": {"description": "The versions", "content": {"application/json": {"schema": {"type": "object", "required": ["versions"], "properties": {"versions": {"type": "array", "items": {"$ref": "#/components/schemas/Entry"}}}}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/objects/{id}/graph": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "get": {
        "tags": ["objects"],
        "operationId": "getObjectGraph",
        "summary": "The visible neighbourhood as nodes and edges",
        "parameters": [{"name": "depth", "in": "query", "description": "Links from the object", "schema": {"type": "integer", "minimum": 1, "maximum": 3, "default": 1}}],
        "responses": {
          "200": {"description": "The graph", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Graph"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/objects/{id}/correlations": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "get": {
        "tags": ["objects"],
        "operationId": "getObjectCorrelations",
        "summary": "The correlation keys the object holds (and its person name), each with the other objects and organisations holding it",
        "description": "An object the caller may not see appears only as its organisation holding a match (visible false), once per organisation, without id or type.",
        "responses": {
          "200": {"description": "The correlations", "content": {"application/json": {"schema": {"type": "object", "required": ["object_id", "correlations"], "properties": {"object_id": {"type": "string"}, "correlations": {"type": "array", "items": {"$ref": "#/components/schemas/Correlation"}}}}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/correlations": {
      "get": {
        "tags": ["objects"],
        "operationId": "getCorrelations",
        "summary": "Who holds a value: the objects and organisations holding its correlation key",
        "description": "The value is normalised as the kind's observables are (a phone number in any international form, a domain in any case or script). An object the caller may not see appears only as its organisation holding a match (visible false).",
        "parameters": [
          {"name": "kind", "in": "query", "required": true, "description": "ipv4-addr, ipv6-addr, domain-name, url, email-addr, phone-number, cryptocurrency-wallet, iban, bank-account-number, vehicle (COUNTRY:PLATE), vehicle-vin, identity-document (COUNTRY:TYPE:NUMBER), autonomous-system, hash:ALGORITHM, or person-name", "schema": {"type": "string"}},
          {"name": "value", "in": "query", "required": true, "description": "The value as written; a malformed one is a 400 naming the problem", "schema": {"type": "string"}}
        ],
        "responses": {
          "200": {"description": "The holdings", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Correlation"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/validate": {
      "post": {
        "tags": ["objects"],
        "operationId": "validateObject",
        "summary": "What creating the object would say, storing nothing (for live validation)",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WriteRequest"}}}},
        "responses": {
          "200": {"description": "The verdict", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Validation"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"},
          "415": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/organisations/{organisation}": {
      "parameters": [{"name": "organisation", "in": "path", "required": true, "description": "The organisation's code or identity id", "schema": {"type": "string"}}],
      "patch": {
        "tags": ["community"],
        "operationId": "changeOrganisation",
        "summary": "Change an organisation (admins); its identity gets a new version. An empty country or parent removes it",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "properties": {"name": {"type": "string"}, "standing": {"type": "string", "enum": ["member", "partner"]}, "country": {"type": "string"}, "parent": {"type": "string"}, "default_tlp": {"$ref": "#/components/schemas/Tlp"}}}}}},
        "responses": {
          "200": {"description": "The organisation", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Organisation"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "415": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/organisations": {
      "post": {
        "tags": ["community"],
        "operationId": "addOrganisation",
        "summary": "Add an organisation (admins); its identity goes to the store",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["code", "name", "standing"], "additionalProperties": false, "properties": {"id": {"type": "string"}, "code": {"type": "string"}, "name": {"type": "string"}, "standing": {"type": "string", "enum": ["member", "partner"]}, "country": {"type": "string"}, "parent": {"type": "string"}, "default_tlp": {"$ref": "#/components/schemas/Tlp"}}}}}},
        "responses": {
          "201": {"description": "The organisation", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Organisation"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"},
          "415": {"$ref": "#/components/responses/Error"}
        }
      },
      "get": {
        "tags": ["community"],
        "operationId": "listOrganisations",
        "summary": "Every organisation of the community",
        "responses": {
          "200": {"description": "The organisations", "content": {"application/json": {"schema": {"type": "object", "required": ["organisations"], "properties": {"organisations": {"type": "array", "items": {"$ref": "#/components/schemas/Organisation"}}}}}}},
          "401": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/users": {
      "post": {
        "tags": ["community"],
        "operationId": "addUser",
        "summary": "Add a user (org-admins: non-admin users of their organisation; admins: anyone)",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["name", "role"], "additionalProperties": false, "properties": {"name": {"type": "string"}, "organisation": {"type": "string", "description": "Code or identity id; default the caller's"}, "role": {"$ref": "#/components/schemas/Role"}, "password": {"type": "string", "minLength": 12}}}}}},
        "responses": {
          "201": {"description": "The user", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"},
          "415": {"$ref": "#/components/responses/Error"}
        }
      },
      "get": {
        "tags": ["community"],
        "operationId": "listUsers",
        "summary": "The users the caller manages: all for admins, their organisation's for org-admins, themselves for others",
        "responses": {
          "200": {"description": "The users", "content": {"application/json": {"schema": {"type": "object", "required": ["users"], "properties": {"users": {"type": "array", "items": {"$ref": "#/components/schemas/User"}}}}}}},
          "401": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/users/{name}/disable": {
      "parameters": [{"name": "name", "in": "path", "required": true, "description": "The user's name", "schema": {"type": "string"}}],
      "post": {
        "tags": ["community"],
        "operationId": "disableUser",
        "summary": "Disable a user the caller manages; its keys stop working at once",
        "responses": {
          "204": {"description": "Disabled"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/groups/{group}/members/{organisation}": {
      "parameters": [
        {"name": "group", "in": "path", "required": true, "description": "The group's name or id", "schema": {"type": "string"}},
        {"name": "organisation", "in": "path", "required": true, "description": "An organisation's code or identity id", "schema": {"type": "string"}}
      ],
      "put": {
        "tags": ["community"],
        "operationId": "addGroupMember",
        "summary": "Add an organisation to a sharing group (its owner's org-admins and admins)",
        "responses": {
          "204": {"description": "Added"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}
        }
      },
      "delete": {
        "tags": ["community"],
        "operationId": "removeGroupMember",
        "summary": "Remove an organisation from a sharing group",
        "responses": {
          "204": {"description": "Removed"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/groups": {
      "post": {
        "tags": ["community"],
        "operationId": "addGroup",
        "summary": "Create a sharing group, owned by the caller's organisation (an admin may name another owner)",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["name"], "additionalProperties": false, "properties": {"name": {"type": "string"}, "owner": {"type": "string", "description": "An organisation's code or identity id"}}}}}},
        "responses": {
          "201": {"description": "The group", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Group"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"},
          "415": {"$ref": "#/components/responses/Error"}
        }
      },
      "get": {
        "tags": ["community"],
        "operationId": "listGroups",
        "summary": "The sharing groups the caller's organisation owns or belongs to (all for admins)",
        "responses": {
          "200": {"description": "The groups", "content": {"application/json": {"schema": {"type": "object", "required": ["groups"], "properties": {"groups": {"type": "array", "items": {"$ref": "#/components/schemas/Group"}}}}}}},
          "401": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/me": {
      "get": {
        "tags": ["community"],
        "operationId": "getMe",
        "summary": "Who the caller is",
        "responses": {
          "200": {"description": "The caller", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Me"}}}},
          "401": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/keys": {
      "get": {
        "tags": ["community"],
        "operationId": "listKeys",
        "summary": "The API keys the caller manages: its own; its organisation's for org-admins; all for admins (ids, never the keys)",
        "responses": {
          "200": {"description": "The keys", "content": {"application/json": {"schema": {"type": "object", "required": ["keys"], "properties": {"keys": {"type": "array", "items": {"$ref": "#/components/schemas/Key"}}}}}}},
          "401": {"$ref": "#/components/responses/Error"}
        }
      },
      "post": {
        "tags": ["community"],
        "operationId": "createKey",
        "summary": "Create an API key, shown in this answer only",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewKey"}}}},
        "responses": {
          "201": {"description": "The new key", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreatedKey"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "415": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/keys/{key_id}": {
      "parameters": [{"name": "key_id", "in": "path", "required": true, "description": "16 hex digits", "schema": {"type": "string"}}],
      "delete": {
        "tags": ["community"],
        "operationId": "revokeKey",
        "summary": "Revoke a key the caller manages; it stops working at once",
        "responses": {
          "204": {"description": "Revoked"},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/audit": {
      "get": {
        "tags": ["community"],
        "operationId": "readAudit",
        "summary": "Audit log entries, newest first (admins only)",
        "parameters": [
          {"name": "actor", "in": "query", "description": "Only this user", "schema": {"type": "string"}},
          {"name": "action", "in": "query", "description": "This action, or every action under it when it ends with a dot (key.)", "schema": {"type": "string"}},
          {"name": "since", "in": "query", "description": "Entries at or after this RFC 3339 time", "schema": {"type": "string", "format": "date-time"}},
          {"name": "until", "in": "query", "description": "Entries before this RFC 3339 time", "schema": {"type": "string", "format": "date-time"}},
          {"name": "limit", "in": "query", "description": "Entries at most (default 100, at most 1000)", "schema": {"type": "integer", "minimum": 1}}
        ],
        "responses": {
          "200": {"description": "The newest matching entries", "content": {"application/json": {"schema": {"type": "object", "required": ["entries", "more"], "properties": {"entries": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}}, "more": {"type": "boolean", "description": "Older entries match too"}}}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/alerts": {
      "get": {
        "tags": ["alerts"],
        "operationId": "listAlerts",
        "summary": "Cross-border alerts of the caller's organisation (every organisation's for admins), newest first",
        "description": "An alert shows the other organisation's object id only when the caller's organisation may see that object; otherwise only that the organisation holds a match (other.visible false).",
        "parameters": [
          {"name": "acknowledged", "in": "query", "description": "true or false: only (un)acknowledged alerts", "schema": {"type": "boolean"}},
          {"name": "kind", "in": "query", "description": "Only this key kind (phone-number, hash:SHA-256, person-name...)", "schema": {"type": "string"}},
          {"name": "organisation", "in": "query", "description": "Only matches with this organisation: a code or identity id", "schema": {"type": "string"}},
          {"name": "since", "in": "query", "description": "Alerts raised at or after this RFC 3339 time", "schema": {"type": "string", "format": "date-time"}},
          {"name": "limit", "in": "query", "description": "Alerts at most (default 50, at most 500)", "schema": {"type": "integer", "minimum": 1}},
          {"name": "next", "in": "query", "description": "The next value of the previous page", "schema": {"type": "string"}}
        ],
        "responses": {
          "200": {"description": "A page of alerts", "content": {"application/json": {"schema": {"type": "object", "required": ["alerts", "more", "next"], "properties": {"alerts": {"type": "array", "items": {"$ref": "#/components/schemas/Alert"}}, "more": {"type": "boolean"}, "next": {"type": "string", "nullable": true, "description": "Pass as next for the following page"}}}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/alerts/{id}/acknowledge": {
      "parameters": [{"$ref": "#/components/parameters/Number"}],
      "post": {
        "tags": ["alerts"],
        "operationId": "acknowledgeAlert",
        "summary": "Acknowledge an alert of the caller's organisation, once",
        "responses": {
          "200": {"description": "The acknowledged alert", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Alert"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/alerts/{id}/detail-requests": {
      "parameters": [{"$ref": "#/components/parameters/Number"}],
      "post": {
        "tags": ["alerts"],
        "operationId": "askForDetails",
        "summary": "Ask the other organisation of an alert to share its object (analysts and org-admins)",
        "description": "409 when the caller's organisation may already see the object, or a request for the alert is pending or was approved.",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["reason"], "properties": {"reason": {"type": "string", "description": "Why the details are needed: what the holder decides on"}}, "additionalProperties": false}}}},
        "responses": {
          "201": {"description": "The pending request", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DetailRequest"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"},
          "415": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/detail-requests": {
      "get": {
        "tags": ["alerts"],
        "operationId": "listDetailRequests",
        "summary": "Requests for details the caller's organisation made (outgoing) or received (incoming), newest first; every request for admins",
        "responses": {
          "200": {"description": "The requests", "content": {"application/json": {"schema": {"type": "object", "required": ["detail_requests"], "properties": {"detail_requests": {"type": "array", "items": {"$ref": "#/components/schemas/DetailRequest"}}}}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/detail-requests/{id}/approve": {
      "parameters": [{"$ref": "#/components/parameters/Number"}],
      "post": {
        "tags": ["alerts"],
        "operationId": "approveDetails",
        "summary": "Approve an incoming request (the holder's analysts and org-admins): the requester may read the object from now on, audited",
        "responses": {
          "200": {"description": "The approved request", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DetailRequest"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/detail-requests/{id}/decline": {
      "parameters": [{"$ref": "#/components/parameters/Number"}],
      "post": {
        "tags": ["alerts"],
        "operationId": "declineDetails",
        "summary": "Decline an incoming request (the holder's analysts and org-admins), audited",
        "responses": {
          "200": {"description": "The declined request", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DetailRequest"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/events": {
      "get": {
        "tags": ["alerts"],
        "operationId": "readEvents",
        "summary": "New cross-border alerts of the caller's organisation as server-sent events (an EventSource reconnects every 5 s with Last-Event-ID)",
        "description": "Each response ends after the alerts raised since Last-Event-ID (at most 100, oldest first; event alert, data an Alert as GET /api/v1/alerts shows it). Without Last-Event-ID, only the id to start from.",
        "parameters": [
          {"name": "Last-Event-ID", "in": "header", "description": "The last id received", "schema": {"type": "string"}},
          {"name": "last_event_id", "in": "query", "description": "The same, for clients that cannot set headers", "schema": {"type": "string"}}
        ],
        "responses": {
          "200": {"description": "Events", "content": {"text/event-stream": {"schema": {"type": "string"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/v1/openapi.json": {
      "get": {
        "tags": ["meta"],
        "operationId": "getOpenApi",
        "summary": "This document",
        "security": [],
        "responses": {"200": {"description": "The OpenAPI document", "content": {"application/json": {"schema": {"type": "object"}}}}}
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {"type": "http", "scheme": "bearer", "description": "An API key: kenes_<key id>_<secret>"},
      "basic": {"type": "http", "scheme": "basic", "description": "The user name and an API key as password"}
    },
    "parameters": {
      "Id": {"name": "id", "in": "path", "required": true, "description": "A STIX id: type--UUID", "schema": {"type": "string"}},
      "Number": {"name": "id", "in": "path", "required": true, "description": "An alert's or request's number", "schema": {"type": "integer", "minimum": 1}}
    },
    "responses": {
      "Error": {"description": "What was wrong", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "schemas": {
      "Tlp": {"type": "string", "enum": ["clear", "green", "amber", "amber+strict", "red"]},
      "Alert": {
        "type": "object", "required": ["id", "organisation", "object_id", "key", "score", "other", "created", "acknowledged_by", "acknowledged"],
        "properties": {
          "id": {"type": "integer"},
          "organisation": {"type": "string", "description": "Identity id of the organisation alerted"},
          "object_id": {"type": "string", "description": "Its own object holding the key"},
          "key": {"type": "object", "required": ["kind", "value"], "properties": {"kind": {"type": "string"}, "value": {"type": "string", "nullable": true, "description": "null for a fuzzy match (person-name) seen from the side that did not make it: the value would be the other side's spelling"}}},
          "score": {"type": "number", "description": "1 for equal keys; the name matcher's score for persons"},
          "other": {"type": "object", "required": ["organisation", "visible"], "properties": {
            "organisation": {"type": "string", "description": "Identity id of the other organisation holding the key"},
            "visible": {"type": "boolean", "description": "Whether the caller's organisation may see the other object"},
            "object_id": {"type": "string", "description": "Only when visible"}}},
          "created": {"type": "string", "format": "date-time"},
          "acknowledged_by": {"type": "string", "nullable": true},
          "acknowledged": {"type": "string", "format": "date-time", "nullable": true}
        }
      },
      "DetailRequest": {
        "type": "object", "required": ["id", "alert_id", "requester", "requested_by", "holder", "visible", "reason", "state", "created", "decided_by", "decided"],
        "properties": {
          "id": {"type": "integer"},
          "alert_id": {"type": "integer", "description": "The requester's alert it was asked from"},
          "direction": {"type": "string", "enum": ["incoming", "outgoing"], "description": "For a party to it: incoming to the holder, outgoing from the requester"},
          "requester": {"type": "string", "description": "Identity id of the organisation asking"},
          "requested_by": {"type": "string"},
          "holder": {"type": "string", "description": "Identity id of the organisation holding the object"},
          "visible": {"type": "boolean", "description": "Whether the caller's organisation may see the object"},
          "object_id": {"type": "string", "description": "Only when visible: the holder always, the requester once approved"},
          "reason": {"type": "string"},
          "state": {"type": "string", "enum": ["pending", "approved", "declined"]},
          "created": {"type": "string", "format": "date-time"},
          "decided_by": {"type": "string", "nullable": true},
          "decided": {"type": "string", "format": "date-time", "nullable": true}
        }
      },
      "StixObject": {"type": "object", "description": "A STIX 2.1 object, byte for byte as stored", "required": ["type", "id"], "properties": {"type": {"type": "string"}, "id": {"type": "string"}}, "additionalProperties": true},
      "Error": {
        "type": "object", "required": ["error"],
        "properties": {"error": {"type": "object", "required": ["status", "title", "message"], "properties": {
          "status": {"type": "integer"}, "title": {"type": "string"}, "message": {"type": "string"},
          "details": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}}}}}
      },
      "Finding": {
        "type": "object", "required": ["path", "rule", "message", "severity"],
        "properties": {"path": {"type": "string", "description": "JSON path in the object, e.g. $.pattern"}, "rule": {"type": "string"}, "message": {"type": "string"}, "severity": {"type": "string", "enum": ["error", "warning"]}}
      },
      "Entry": {
        "type": "object", "required": ["object", "date_added", "tlp"],
        "properties": {"object": {"$ref": "#/components/schemas/StixObject"}, "date_added": {"type": "string", "format": "date-time"}, "tlp": {"allOf": [{"$ref": "#/components/schemas/Tlp"}], "nullable": true, "description": "The strictest TLP marking the object carries"}}
      },
      "SearchPage": {
        "type": "object", "required": ["objects", "more", "next"],
        "properties": {"objects": {"type": "array", "items": {"$ref": "#/components/schemas/StixObject"}}, "more": {"type": "boolean"}, "next": {"type": "string", "nullable": true, "description": "The cursor of the next page; null on the last"}, "facets": {"$ref": "#/components/schemas/Facets"}}
      },
      "Facets": {
        "type": "object", "required": ["type", "tlp", "author", "complete"], "description": "Counts over every object the search selects (all pages), when asked for with facets=true",
        "properties": {
          "type": {"type": "object", "additionalProperties": {"type": "integer"}},
          "tlp": {"type": "object", "additionalProperties": {"type": "integer"}, "description": "By TLP level; none for objects without a TLP marking"},
          "author": {"type": "object", "additionalProperties": {"type": "integer"}, "description": "By created_by_ref; none for objects without one"},
          "complete": {"type": "boolean", "description": "false when the result set was too large to count whole"}}
      },
      "Link": {
        "type": "object", "required": ["direction", "property", "other"],
        "properties": {
          "direction": {"type": "string", "enum": ["outgoing", "incoming"]},
          "property": {"type": "string", "description": "The reference property making the link; for a relationship, source_ref (outgoing) or target_ref (incoming)"},
          "relationship_type": {"type": "string"},
          "relationship": {"$ref": "#/components/schemas/StixObject"},
          "other": {"$ref": "#/components/schemas/Entry"}}
      },
      "ObjectPage": {
        "allOf": [{"$ref": "#/components/schemas/Entry"}, {"type": "object", "required": ["links", "links_truncated"], "properties": {"links": {"type": "array", "items": {"$ref": "#/components/schemas/Link"}}, "links_truncated": {"type": "boolean"}}}]
      },
      "Correlation": {
        "type": "object",
        "required": ["kind", "value", "holdings"],
        "properties": {
          "kind": {"type": "string"},
          "value": {"type": "string", "description": "Canonical (normalised)"},
          "warning": {"type": "string", "nullable": true, "description": "Why the value never correlates (a warning list: private range, very common domain, placeholder number)"},
          "over_correlated": {"type": "boolean", "description": "Held by more objects than the node's cap: no more alerts"},
          "holdings": {"type": "array", "items": {"type": "object", "required": ["organisation", "visible"], "properties": {
            "organisation": {"type": "string", "description": "Identity id of the organisation holding the value"},
            "visible": {"type": "boolean"},
            "object_id": {"type": "string", "description": "Only when visible"},
            "type": {"type": "string", "description": "Only when visible"},
            "score": {"type": "number", "description": "person-name: the name matcher's score"}}}}
        }
      },
      "Graph": {
        "type": "object", "required": ["nodes", "edges", "truncated"],
        "properties": {
          "nodes": {"type": "array", "items": {"type": "object", "required": ["id", "type", "name", "tlp"], "properties": {"id": {"type": "string"}, "type": {"type": "string"}, "name": {"type": "string"}, "tlp": {"allOf": [{"$ref": "#/components/schemas/Tlp"}], "nullable": true}}}},
          "edges": {"type": "array", "items": {"type": "object", "required": ["source", "target"], "properties": {"source": {"type": "string"}, "target": {"type": "string"}, "relationship_type": {"type": "string"}, "relationship": {"type": "string"}, "property": {"type": "string"}}}},
          "truncated": {"type": "boolean", "description": "The node bound left some out"}}
      },
      "WriteRequest": {
        "type": "object", "required": ["object"], "additionalProperties": false,
        "properties": {
          "object": {"type": "object", "description": "The STIX object; spec_version, id, created and modified may be left out"},
          "tlp": {"$ref": "#/components/schemas/Tlp"},
          "distribution": {"type": "string", "description": "organisation, members, community or group:<sharing group id>"}}
      },
      "WriteResult": {
        "allOf": [{"$ref": "#/components/schemas/Entry"}, {"type": "object", "required": ["warnings"], "properties": {"warnings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}}}}]
      },
      "Validation": {
        "type": "object", "required": ["valid", "object", "errors", "warnings"],
        "properties": {"valid": {"type": "boolean"}, "object": {"$ref": "#/components/schemas/StixObject"}, "errors": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}}, "warnings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}}}
      },
      "Organisation": {
        "type": "object", "required": ["id", "code", "name", "standing", "country", "parent", "default_tlp", "created", "modified"],
        "properties": {"id": {"type": "string"}, "code": {"type": "string"}, "name": {"type": "string"}, "standing": {"type": "string", "enum": ["member", "partner"]}, "country": {"type": "string", "nullable": true}, "parent": {"type": "string", "nullable": true}, "default_tlp": {"$ref": "#/components/schemas/Tlp"}, "created": {"type": "string", "format": "date-time"}, "modified": {"type": "string", "format": "date-time"}}
      },
      "User": {
        "type": "object", "required": ["name", "organisation", "role", "disabled", "has_password"],
        "properties": {"name": {"type": "string"}, "organisation": {"type": "string"}, "role": {"$ref": "#/components/schemas/Role"}, "disabled": {"type": "boolean"}, "has_password": {"type": "boolean"}}
      },
      "Role": {"type": "string", "enum": ["reader", "analyst", "org-admin", "admin"]},
      "Group": {
        "type": "object", "required": ["id", "name", "owner", "members"],
        "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "owner": {"type": "string"}, "members": {"type": "array", "items": {"type": "string"}}}
      },
      "Key": {
        "type": "object", "required": ["key_id", "user", "label", "created", "expires", "revoked"],
        "properties": {"key_id": {"type": "string"}, "user": {"type": "string"}, "label": {"type": "string"}, "created": {"type": "string", "format": "date-time"}, "expires": {"type": "string", "format": "date-time", "nullable": true}, "revoked": {"type": "string", "format": "date-time", "nullable": true}}
      },
      "NewKey": {
        "type": "object", "additionalProperties": false,
        "properties": {"user": {"type": "string", "description": "Whose key; default the caller (org-admins and admins may name the users they manage)"}, "label": {"type": "string"}, "expires": {"type": "string", "format": "date-time"}}
      },
      "CreatedKey": {
        "type": "object", "required": ["key", "key_id", "user", "label", "expires"],
        "properties": {"key": {"type": "string", "description": "kenes_<key id>_<secret>: shown this once"}, "key_id": {"type": "string"}, "user": {"type": "string"}, "label": {"type": "string"}, "expires": {"type": "string", "format": "date-time", "nullable": true}}
      },
      "AuditEntry": {
        "type": "object", "required": ["sequence", "time", "actor", "organisation", "action", "target", "outcome", "detail", "source"],
        "properties": {"sequence": {"type": "integer"}, "time": {"type": "string", "format": "date-time"}, "actor": {"type": "string"}, "organisation": {"type": "string"}, "action": {"type": "string"}, "target": {"type": "string"}, "outcome": {"type": "string", "enum": ["ok", "denied", "failed"]}, "detail": {"type": "string"}, "source": {"type": "string"}}
      },
      "Me": {
        "type": "object", "required": ["user", "role", "can_write", "organisation"],
        "properties": {"user": {"type": "string"}, "role": {"$ref": "#/components/schemas/Role"}, "can_write": {"type": "boolean"}, "organisation": {"allOf": [{"$ref": "#/components/schemas/Organisation"}], "nullable": true}}
      }
    }
  }
})json";

}  // namespace

std::string_view OpenApiDocument() { return kDocument; }

}  // namespace kenes::rest

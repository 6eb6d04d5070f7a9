// Person names across scripts and transliteration systems: are "Сейтказиев
// Нурлан Маратович" and "SEYTKAZIYEV NURLAN" the same name? For identities
// with identity_class individual and threat actors with personal names.
//
//   NameAnalyzer (name_analyzer.h): text -> PersonName (person_name.h), once
//     per name: tokens, every ICU romanisation (romanizer.h) folded by the
//     Central Asian rules (folding.h), patronymics, surname gender.
//   MatchNames (name_matcher.h): two PersonNames -> score, verdict, folded
//     forms and the reason they differ.
//   BlockingKeys (blocking_keys.h): a few short keys per PersonName; names
//     judged the same always share one, so an index fetches candidates by key.
//
// Threads: a NameAnalyzer holds ICU transliterators, costly to create and not
// thread-safe: create one, and Clone() it for each further thread.
// PersonName is a plain value; MatchNames and BlockingKeys are pure functions,
// safe from any thread. Nothing here throws: Create() reports ICU's failures
// as a Status.
#pragma once

#include "names/blocking_keys.h"
#include "names/name_analyzer.h"
#include "names/name_matcher.h"
#include "names/person_name.h"

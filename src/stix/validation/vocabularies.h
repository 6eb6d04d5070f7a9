// Vocabularies: the STIX 2.1 open vocabularies ("-ov", section 10) and
// enumerations ("-enum") the type definitions refer to.
//
// Constants built on first use; thread-safe to read.
#pragma once

#include <string_view>

#include "stix/validation/value_check.h"

namespace kenes::stix::validation::vocabulary {

const Vocabulary& AccountType();
const Vocabulary& AttackMotivation();
const Vocabulary& AttackResourceLevel();
const Vocabulary& EncryptionAlgorithm();  // enum
const Vocabulary& ExtensionType();        // enum
const Vocabulary& GroupingContext();
const Vocabulary& HashAlgorithm();
const Vocabulary& IdentityClass();
const Vocabulary& ImplementationLanguage();
const Vocabulary& IndicatorType();
const Vocabulary& IndustrySector();
const Vocabulary& InfrastructureType();
const Vocabulary& MalwareCapabilities();
const Vocabulary& MalwareResult();
const Vocabulary& MalwareType();
const Vocabulary& MarkingDefinitionType();
const Vocabulary& NetworkSocketAddressFamily();  // enum
const Vocabulary& NetworkSocketType();           // enum
const Vocabulary& OpinionValue();                // enum
const Vocabulary& PatternType();
const Vocabulary& ProcessorArchitecture();
const Vocabulary& Region();
const Vocabulary& ReportType();
const Vocabulary& SpecVersion();  // enum: "2.1"
const Vocabulary& ThreatActorRole();
const Vocabulary& ThreatActorSophistication();
const Vocabulary& ThreatActorType();
const Vocabulary& TlpLevel();  // enum: white, green, amber, red
const Vocabulary& ToolType();
const Vocabulary& WindowsIntegrityLevel();  // enum
const Vocabulary& WindowsPeBinaryType();
const Vocabulary& WindowsRegistryDatatype();  // enum
const Vocabulary& WindowsServiceStartType();  // enum
const Vocabulary& WindowsServiceType();       // enum
const Vocabulary& WindowsServiceStatus();     // enum

}  // namespace kenes::stix::validation::vocabulary

namespace kenes::stix::validation {

// Hex digits a hash-algorithm-ov digest has: 32 for "MD5"...; 0 for
// algorithms whose digests are not hex (SSDEEP, TLSH); -1 for names outside
// the vocabulary.
int HexDigestLength(std::string_view algorithm);

}  // namespace kenes::stix::validation

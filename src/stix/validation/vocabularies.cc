#include "stix/validation/vocabularies.h"

namespace kenes::stix::validation {
namespace vocabulary {

#define KENES_VOCABULARY(function, name, ...)                 \
  const Vocabulary& function() {                              \
    static const Vocabulary kVocabulary{name, {__VA_ARGS__}}; \
    return kVocabulary;                                       \
  }

KENES_VOCABULARY(AccountType, "account-type-ov", "facebook", "ldap", "nis", "openid", "radius", "skype", "tacacs",
                 "twitter", "unix", "windows-local", "windows-domain")
KENES_VOCABULARY(AttackMotivation, "attack-motivation-ov", "accidental", "coercion", "dominance", "ideology",
                 "notoriety", "organizational-gain", "personal-gain", "personal-satisfaction", "revenge",
                 "unpredictable")
KENES_VOCABULARY(AttackResourceLevel, "attack-resource-level-ov", "individual", "club", "contest", "team",
                 "organization", "government")
KENES_VOCABULARY(EncryptionAlgorithm, "encryption-algorithm-enum", "AES-256-GCM", "ChaCha20-Poly1305",
                 "mime-type-indicated")
KENES_VOCABULARY(ExtensionType, "extension-type-enum", "new-sdo", "new-sco", "new-sro", "property-extension",
                 "toplevel-property-extension")
KENES_VOCABULARY(GroupingContext, "grouping-context-ov", "suspicious-activity", "malware-analysis", "unspecified")
KENES_VOCABULARY(HashAlgorithm, "hash-algorithm-ov", "MD5", "SHA-1", "SHA-256", "SHA-512", "SHA3-256", "SHA3-512",
                 "SSDEEP", "TLSH")
KENES_VOCABULARY(IdentityClass, "identity-class-ov", "individual", "group", "system", "organization", "class",
                 "unknown")
KENES_VOCABULARY(ImplementationLanguage, "implementation-language-ov", "applescript", "bash", "c", "c++", "c#", "go",
                 "java", "javascript", "lua", "objective-c", "perl", "php", "powershell", "python", "ruby", "scala",
                 "swift", "typescript", "visual-basic", "x86-32", "x86-64")
KENES_VOCABULARY(IndicatorType, "indicator-type-ov", "anomalous-activity", "anonymization", "benign", "compromised",
                 "malicious-activity", "attribution", "unknown")
KENES_VOCABULARY(IndustrySector, "industry-sector-ov", "agriculture", "aerospace", "automotive", "chemical",
                 "commercial", "communications", "construction", "defense", "education", "energy", "engineering",
                 "entertainment", "financial-services", "government", "emergency-services", "government-local",
                 "government-national", "government-public-services", "government-regional", "healthcare",
                 "hospitality-leisure", "infrastructure", "dams", "nuclear", "water", "insurance", "manufacturing",
                 "mining", "non-profit", "pharmaceuticals", "retail", "technology", "telecommunications",
                 "transportation", "utilities")
KENES_VOCABULARY(InfrastructureType, "infrastructure-type-ov", "amplification", "anonymization", "botnet",
                 "command-and-control", "control-system", "exfiltration", "firewall", "hosting-malware",
                 "hosting-target-lists", "phishing", "reconnaissance", "routers-switches", "staging", "workstation",
                 "unknown")
KENES_VOCABULARY(MalwareCapabilities, "malware-capabilities-ov", "accesses-remote-machines", "anti-debugging",
                 "anti-disassembly", "anti-emulation", "anti-memory-forensics", "anti-sandbox", "anti-vm",
                 "captures-input-peripherals", "captures-output-peripherals", "captures-system-state-data",
                 "cleans-traces-of-infection", "commits-fraud", "communicates-with-c2", "compromises-data-availability",
                 "compromises-data-integrity", "compromises-system-availability", "controls-local-machine",
                 "degrades-security-software", "degrades-system-updates", "determines-c2-server", "emails-spam",
                 "escalates-privileges", "evades-av", "exfiltrates-data", "fingerprints-host", "hides-artifacts",
                 "hides-executing-code", "infects-files", "infects-remote-machines", "installs-other-components",
                 "persists-after-system-reboot", "prevents-artifact-access", "prevents-artifact-deletion",
                 "probes-network-environment", "self-modifies", "steals-authentication-credentials",
                 "violates-system-operational-integrity")
KENES_VOCABULARY(MalwareResult, "malware-result-ov", "malicious", "suspicious", "benign", "unknown")
KENES_VOCABULARY(MalwareType, "malware-type-ov", "adware", "backdoor", "bot", "bootkit", "ddos", "downloader",
                 "dropper", "exploit-kit", "keylogger", "ransomware", "remote-access-trojan", "resource-exploitation",
                 "rogue-security-software", "rootkit", "screen-capture", "spyware", "trojan", "unknown", "virus",
                 "webshell", "wiper", "worm")
KENES_VOCABULARY(MarkingDefinitionType, "marking-definition-type", "statement", "tlp")
KENES_VOCABULARY(NetworkSocketAddressFamily, "network-socket-address-family-enum", "AF_UNSPEC", "AF_INET", "AF_IPX",
                 "AF_APPLETALK", "AF_NETBIOS", "AF_INET6", "AF_IRDA", "AF_BTH")
KENES_VOCABULARY(NetworkSocketType, "network-socket-type-enum", "SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_RDM",
                 "SOCK_SEQPACKET")
KENES_VOCABULARY(OpinionValue, "opinion-enum", "strongly-disagree", "disagree", "neutral", "agree", "strongly-agree")
KENES_VOCABULARY(PatternType, "pattern-type-ov", "stix", "pcre", "sigma", "snort", "suricata", "yara")
KENES_VOCABULARY(ProcessorArchitecture, "processor-architecture-ov", "alpha", "arm", "ia-64", "mips", "powerpc",
                 "sparc", "x86", "x86-64")
KENES_VOCABULARY(Region, "region-ov", "africa", "eastern-africa", "middle-africa", "northern-africa", "southern-africa",
                 "western-africa", "americas", "latin-america-caribbean", "south-america", "caribbean",
                 "central-america", "northern-america", "asia", "central-asia", "eastern-asia", "southern-asia",
                 "south-eastern-asia", "western-asia", "europe", "eastern-europe", "northern-europe", "southern-europe",
                 "western-europe", "oceania", "antarctica", "australia-new-zealand", "melanesia", "micronesia",
                 "polynesia")
KENES_VOCABULARY(ReportType, "report-type-ov", "attack-pattern", "campaign", "identity", "indicator", "intrusion-set",
                 "malware", "observed-data", "threat-actor", "threat-report", "tool", "vulnerability")
KENES_VOCABULARY(SpecVersion, "the STIX versions this validator checks (\"2.1\")", "2.1")
KENES_VOCABULARY(ThreatActorRole, "threat-actor-role-ov", "agent", "director", "independent",
                 "infrastructure-architect", "infrastructure-operator", "malware-author", "sponsor")
KENES_VOCABULARY(ThreatActorSophistication, "threat-actor-sophistication-ov", "none", "minimal", "intermediate",
                 "advanced", "expert", "innovator", "strategic")
KENES_VOCABULARY(ThreatActorType, "threat-actor-type-ov", "activist", "competitor", "crime-syndicate", "criminal",
                 "hacker", "insider-accidental", "insider-disgruntled", "nation-state", "sensationalist", "spy",
                 "terrorist", "unknown")
KENES_VOCABULARY(TlpLevel, "the TLP 1.0 levels", "white", "green", "amber", "red")
KENES_VOCABULARY(ToolType, "tool-type-ov", "denial-of-service", "exploitation", "information-gathering",
                 "network-capture", "credential-exploitation", "remote-access", "vulnerability-scanning", "unknown")
KENES_VOCABULARY(WindowsIntegrityLevel, "windows-integrity-level-enum", "low", "medium", "high", "system")
KENES_VOCABULARY(WindowsPeBinaryType, "windows-pebinary-type-ov", "dll", "exe", "sys")
KENES_VOCABULARY(WindowsRegistryDatatype, "windows-registry-datatype-enum", "REG_NONE", "REG_SZ", "REG_EXPAND_SZ",
                 "REG_BINARY", "REG_DWORD", "REG_DWORD_BIG_ENDIAN", "REG_DWORD_LITTLE_ENDIAN", "REG_LINK",
                 "REG_MULTI_SZ", "REG_RESOURCE_LIST", "REG_FULL_RESOURCE_DESCRIPTION", "REG_RESOURCE_REQUIREMENTS_LIST",
                 "REG_QWORD", "REG_INVALID_TYPE")
KENES_VOCABULARY(WindowsServiceStartType, "windows-service-start-type-enum", "SERVICE_AUTO_START", "SERVICE_BOOT_START",
                 "SERVICE_DEMAND_START", "SERVICE_DISABLED", "SERVICE_SYSTEM_ALERT")
KENES_VOCABULARY(WindowsServiceType, "windows-service-type-enum", "SERVICE_KERNEL_DRIVER", "SERVICE_FILE_SYSTEM_DRIVER",
                 "SERVICE_WIN32_OWN_PROCESS", "SERVICE_WIN32_SHARE_PROCESS")
KENES_VOCABULARY(WindowsServiceStatus, "windows-service-status-enum", "SERVICE_CONTINUE_PENDING",
                 "SERVICE_PAUSE_PENDING", "SERVICE_PAUSED", "SERVICE_RUNNING", "SERVICE_START_PENDING",
                 "SERVICE_STOP_PENDING", "SERVICE_STOPPED")

#undef KENES_VOCABULARY

}  // namespace vocabulary

int HexDigestLength(std::string_view algorithm) {
  static constexpr std::pair<std::string_view, int> kLengths[] = {{"MD5", 32},      {"SHA-1", 40},    {"SHA-256", 64},
                                                                  {"SHA-512", 128}, {"SHA3-256", 64}, {"SHA3-512", 128},
                                                                  {"SSDEEP", 0},    {"TLSH", 0}};
  for (const auto& [name, length] : kLengths) {
    if (name == algorithm) return length;
  }
  return -1;
}

}  // namespace kenes::stix::validation

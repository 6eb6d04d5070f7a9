#include "share/default_community.h"

namespace kenes::share {

std::vector<OrganisationSpec> DefaultCommunity() {
  constexpr Standing kMember = Standing::kMember;
  constexpr Standing kPartner = Standing::kPartner;
  // The GCC is no one country and has no ISO 3166-1 code; the EU has the
  // exceptionally reserved "EU" (organisation.h).
  return {
      {"identity--f893a2ee-fb32-455e-b1c1-8690ee42c90b", "KZ", "Security Council of the Republic of Kazakhstan",
       kMember, "KZ", ""},
      {"identity--e099ec6c-d736-4ca5-85e7-bb0f12278575", "KG", "Security Council of the Kyrgyz Republic", kMember, "KG",
       ""},
      {"identity--6775dc77-0156-4f61-9afc-d44d14cf8bfe", "TJ", "Security Council of the Republic of Tajikistan",
       kMember, "TJ", ""},
      {"identity--6f9b6dae-6f4c-47a8-aac2-ce17a5794a3b", "TM", "State Security Council of Turkmenistan", kMember, "TM",
       ""},
      {"identity--ae843796-30af-49ee-a263-183773ef6508", "UZ", "Security Council of the Republic of Uzbekistan",
       kMember, "UZ", ""},
      {"identity--1f841063-3ef3-46ac-8973-05c5d1aab99f", "EU", "European Union liaison desk", kPartner, "EU", ""},
      {"identity--b6b9aeef-0d2d-47ab-8b33-1645445bcd27", "CN", "People's Republic of China liaison desk", kPartner,
       "CN", ""},
      {"identity--962b1967-c907-49ba-a5ac-e2685a072c6d", "US", "United States liaison desk", kPartner, "US", ""},
      {"identity--8b2e0244-5e4b-40f5-bf8c-59bb003553c1", "GCC", "Gulf Cooperation Council liaison desk", kPartner, "",
       ""},
      {"identity--dca0c749-607e-4c86-b54b-3c40881e2907", "DE", "Federal Republic of Germany liaison desk", kPartner,
       "DE", ""},
  };
}

}  // namespace kenes::share

// The word lists the name finder reads (lib/data/claims/entities.tsv): titles, credit labels,
// organisation suffixes, the kanji that are not a person's name… Internal to libjatei: the
// file's header comment says what each list does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jatei::claims {

struct EntityWords {
  struct Title {
    std::string text;
    bool honorific = false;  // addName (氏, さん) rather than roleName (社長)
  };
  struct OrgSuffix {
    std::string text;
    bool needs_foreign = false;  // only after katakana or Latin (MdN社, not 同社)
  };
  std::vector<Title> titles;
  std::vector<OrgSuffix> org_suffixes;
  std::vector<std::string> titles_before, credits, desks, roles_in_parens, org_parts, generic_starts, company_kinds,
      seat_suffixes, product_nouns;
  // Kanji that mark a non-person in a run before a title, by where they count.
  std::vector<std::string> not_person_anywhere, not_person_last, not_person_last_long, not_person_alone,
      not_person_first;
  // The first code points of titles and of organisation suffixes: a quick test before the
  // lists are searched at a place.
  std::vector<char32_t> title_first, org_suffix_first;

  // The shipped entities.tsv, or $JATEI_DATA_DIR/claims/entities.tsv.
  static const EntityWords& builtin();
  // DataError (exit 65) naming the line for an unknown list or detail.
  static EntityWords parse(std::string_view text, const std::string& origin);

  bool not_person(std::string_view kanji_run) const;
  bool generic(std::string_view run) const;
};

}  // namespace jatei::claims

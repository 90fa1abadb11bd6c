// The word lists the finders of names, dates and measures read (lib/data/claims/entities.tsv):
// titles, credit labels, organisation suffixes, the kanji that are not a person's name, relative
// date words, eras, units… Internal to libjatei: the file's header comment says what each list
// does.
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
    bool either = false;         // before or after the name: 株式会社X, X株式会社, (株)X
  };
  struct RelativeDate {
    std::string text, subtype;  // 昨年 previous-year
    // Counted from the page's dateline: years (昨年 -1) or months (先月 -1) added to its year or
    // month; none (前年, 翌日: from a year the text states, or a day) when `page` is 0.
    char page = 0;  // 'y', 'm' or 0
    int offset = 0;
  };
  struct Era {
    std::string text;
    int base = 0;  // the year before its first: 令和 2018
  };
  struct Unit {
    std::string text;
    std::string type;  // currency, percent, duration, count, energy, …
    std::string unit;  // JPY, year, kWh, 人, …
    double factor = 1;  // 割 → 10 percent
  };
  std::vector<Title> titles;
  std::vector<OrgSuffix> org_suffixes;
  std::vector<std::string> titles_before, credits, desks, roles_in_parens, org_parts, generic_starts, company_kinds,
      seat_suffixes, product_nouns;
  // Places by their suffix (瀬名川市), what may follow one (市内, 県警), and the common nouns that
  // end like one (都市, 選挙区).
  std::vector<std::string> place_suffixes, place_after, not_places;
  // The words that end a link's or a button's label (見る: Amazonで見る): no claim to check.
  std::vector<std::string> link_labels;
  // Kanji that mark a non-person in a run before a title, by where they count.
  std::vector<std::string> not_person_anywhere, not_person_last, not_person_last_long, not_person_alone,
      not_person_first;
  // Common nouns that take an honorific and name no one (お客さん, 店員さん, 運転手さん): the run
  // before the honorific is, or ends in, one of them.
  std::vector<std::string> common_nouns;
  // …and the words that end such a noun in a run of three characters or more (古着屋さん).
  std::vector<std::string> common_suffixes;
  std::vector<RelativeDate> relative_dates;  // the first that matches at a place wins
  std::vector<std::string> date_parts;       // 昨年秋, 来年初め
  std::vector<std::string> day_after;        // after a day alone that is a date: 4日、 4日夜
  std::vector<Era> eras;
  std::vector<Unit> units;                   // the longest that matches at a place wins
  // The first code points of titles, organisation suffixes, relative date words and eras: a
  // quick test before the lists are searched at a place.
  std::vector<char32_t> title_first, org_suffix_first, relative_first, era_first;

  // The shipped entities.tsv, or $JATEI_DATA_DIR/claims/entities.tsv.
  static const EntityWords& builtin();
  // DataError (exit 65) naming the line for an unknown list or detail.
  static EntityWords parse(std::string_view text, const std::string& origin);

  bool not_person(std::string_view kanji_run) const;
  bool common_noun(std::string_view run) const;
  bool generic(std::string_view run) const;
};

}  // namespace jatei::claims

// The markup of the claims stage (discourse.hpp: mark_up): the decisive cues, the dates,
// numbers and names of each sentence, its categories in @ana and the source of what it reports.
//
// Idempotence: the stage owns @ana's category tokens, @corresp on source sentences, <seg
// type="cue"> and the name, date and number elements it writes (recognised by carrying only
// attributes this stage writes). It removes them first and adds them again, so a second run
// gives the same bytes, and a hand-made <persName ref="…"> or another tool's <term> is kept:
// a new element that would cross one of those is not added.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "claims/discourse.hpp"
#include "claims/entity_words.hpp"
#include "claims/source.hpp"
#include "jatei/text.hpp"

namespace jatei::claims {

namespace {

const std::set<std::string, std::less<>> kOwnElements = {"date", "time", "num", "measure", "persName", "orgName",
                                                         "placeName", "name", "roleName", "addName", "surname", "forename"};
const std::set<std::string, std::less<>> kOwnAttrs = {"type", "subtype", "when", "notBefore", "notAfter", "from", "to", "dur",
                                                      "value", "quantity", "unit", "atLeast", "atMost", "min", "max"};
const std::set<std::string, std::less<>> kOwnTokens = {"#fact", "#speculation", "#reported", "#question", "#opinion", "#other",
                                                       "#checkworthy"};

// The ids this stage gives the names it points @source at: "<sentence id>-src".
bool own_id(const Attr& a) { return a.name == "xml:id" && a.value.ends_with("-src"); }

bool own_span(const Span& s) {
  if (s.element == "seg") return s.attrs.value("type") == "cue" && s.attrs.list().size() <= 2;
  if (!kOwnElements.count(s.element)) return false;
  for (auto& a : s.attrs.list())
    if (!kOwnAttrs.count(a.name) && !own_id(a)) return false;
  return true;
}

std::vector<std::string> split(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != '\n') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}


bool crosses(std::size_t ab, std::size_t ae, std::size_t bb, std::size_t be) {
  return (ab < bb && bb < ae && ae < be) || (bb < ab && ab < be && be < ae);
}

// Adds spans in priority order, skipping any that would cross a kept or accepted span.
// Past a few dozen spans (a sentence of millions of characters has some 100,000) the spans are
// looked up by where they begin and end rather than each looked at for every new one: the same
// answers, without the quadratic time. The spans are only added to while a SpanSet lives (their
// attributes may change, not their places), so the index takes in the new ones as it is asked.
struct SpanSet {
  std::vector<Span>& spans;
  std::size_t foreign;  // spans[0..foreign) were there before this stage
  static constexpr std::size_t kIndexFrom = 64;
  std::multimap<std::size_t, std::size_t> by_begin = {}, by_end = {};  // place -> index in spans
  std::size_t indexed = 0;
  void sync() {
    if (indexed > spans.size()) by_begin.clear(), by_end.clear(), indexed = 0;
    for (; indexed < spans.size(); ++indexed) {
      by_begin.emplace(spans[indexed].begin, indexed);
      by_end.emplace(spans[indexed].end, indexed);
    }
  }
  bool fits(std::size_t b, std::size_t e) {
    if (b >= e) return false;
    if (spans.size() < kIndexFrom) {
      for (auto& s : spans)
        if (crosses(b, e, s.begin, s.end)) return false;
      return true;
    }
    sync();
    // crosses(): one begins inside (b, e) and ends after e, or ends inside it and begins before b.
    for (auto it = by_begin.upper_bound(b); it != by_begin.end() && it->first < e; ++it)
      if (spans[it->second].end > e) return false;
    for (auto it = by_end.upper_bound(b); it != by_end.end() && it->first < e; ++it)
      if (spans[it->second].begin < b) return false;
    return true;
  }
  bool has(std::size_t b, std::size_t e, std::string_view element) {
    if (spans.size() < kIndexFrom) {
      for (auto& s : spans)
        if (s.begin == b && s.end == e && s.element == element) return true;
      return false;
    }
    sync();
    for (auto [it, end] = by_begin.equal_range(b); it != end; ++it)
      if (spans[it->second].end == e && spans[it->second].element == element) return true;
    return false;
  }
  bool add(std::size_t b, std::size_t e, std::string element, Attrs attrs) {
    if (!fits(b, e) || has(b, e, element)) return false;
    spans.push_back({b, e, std::move(element), std::move(attrs)});
    return true;
  }
};

// A name at the start of a sentence followed by 、 ！ ？ or nothing: whom it speaks to.
bool vocative(std::string_view text, const Mention& m) {
  if (m.element != "persName") return false;
  std::size_t i = 0;
  while (i < m.begin && (text[i] == ' ' || text.substr(i, 3) == "\xE3\x80\x80")) i += text[i] == ' ' ? 1 : 3;
  if (i != m.begin) return false;
  std::string_view rest = text.substr(m.end);
  for (std::string_view h : {"さん", "くん", "君", "ちゃん", "先生", "様", "さま"})
    if (rest.starts_with(h)) rest.remove_prefix(h.size());
  return rest.empty() || rest.starts_with("、") || rest.starts_with("，") || rest.starts_with(",") ||
         rest.starts_with("！") || rest.starts_with("!") || rest.starts_with("？") || rest.starts_with("?");
}

// Points at the name over [b, e) of a sentence: a participant of that name, else the name
// element there (given the id "<sentence>-src"), made when there is none. Returns the pointer,
// or "" when no element can stand there (it would cross another).
std::string point_at(Sentence& s, std::size_t b, std::size_t e, const std::string& element, SpanSet& set,
                     const std::vector<Person>& persons, const std::string& type = {}) {
  std::string noun = normalise(std::string_view(s.text).substr(b, e - b)).text;
  for (const Person& p : persons) {
    if (!type.empty()) break;  // a document is no participant
    if (p.id.empty() || p.name.empty()) continue;
    std::string name = normalise(p.name).text;
    if (noun == name || (noun.size() > name.size() && noun.starts_with(name) && noun.size() - name.size() <= 9))
      return "#" + p.id;
  }
  if (s.id.empty()) return "";
  std::string id = s.id + "-src";
  for (auto& sp : s.spans) {
    if (sp.begin == b && sp.end == e && (sp.element == "persName" || sp.element == "orgName" || sp.element == "name" ||
                                          sp.element == "placeName")) {
      sp.attrs.set("xml:id", id);
      return "#" + id;
    }
  }
  Attrs a;
  if (!type.empty()) a.set("type", type);
  a.set("xml:id", id);
  if (set.add(b, e, element, std::move(a))) return "#" + id;
  return "";
}

// What the markup keeps from one sentence to the next.
struct Marker {
  const Gazetteer& gaz;
  const Lexicon& lex;
  const std::vector<Person>& persons;
  bool use_cache;
  // The year stated in a division dates the days after it in that division, across
  // paragraphs: 2024年… then 1月20日 in the next paragraph → 2024-01-20.
  DateContext dates;
  const Division* current_div = nullptr;
  // The year and month of the page's dateline (2026年11月3日 06:00, 公開日：2026.07.18: a sentence
  // that is a full date and little else), the first met: a division that states no year of its
  // own dates its days by it (10月28日 → 2026-10-28), a day alone (4日、) is of its month, and
  // 来年, 昨年の12月 count from its year (page_year, page_month; year unused).
  DateContext page;
  // Numbers and names depend on the sentence alone: a sentence met before gets them again.
  MentionCache& mention_cache;
};

// The year and month of a sentence (its text) that is a dateline: one full date (YYYY-MM-DD) and
// at most fifteen other characters (公開日：, 更新, a clock time), or {0, 0}.
std::pair<int, int> dateline_date(std::string_view sentence, const std::vector<Mention>& dates) {
  const Mention* full = nullptr;
  std::size_t covered = 0;
  for (const Mention& m : dates) {
    covered += text::length(sentence.substr(m.begin, m.end - m.begin));
    const std::string* when = m.attrs.get("when");
    if (m.element == "date" && when && when->size() == 10 && (*when)[4] == '-') full = full ? full : &m;
  }
  if (!full || text::length(sentence) > covered + 15) return {0, 0};
  const std::string& when = *full->attrs.get("when");
  return {std::stoi(when.substr(0, 4)), std::stoi(when.substr(5, 2))};
}

// A line that is only a timestamp: its mentions are dates and times, what is left is at most
// fifteen characters, and it is the page's own dateline (更新日：2026年11月30日), or it tells
// the time of day (a post's 2026/11/12 21:44, a programme's 10:00　開会, minutes' 午前10時
// 開議), or what is left has no kana or kanji (a handle: ken_1984　2025/07/12). A date with a
// label of what happened (設立：2019年4月, 11月8日：リニューアルオープン。) is a claim.
bool timestamp_line(std::string_view text, const std::vector<const Mention*>& mentions, bool dateline) {
  if (mentions.empty()) return false;
  std::size_t from = 0, left = 0;
  bool clock = false, words = false;
  auto rest = [&](std::string_view part) {
    for (std::size_t i = 0; i < part.size(); i = text::next(part, i)) {
      char32_t c = text::at(part, i);
      if (text::is_hiragana(c)) return false;
      words = words || text::is_kanji(c) || text::is_katakana(c);
      ++left;
    }
    return true;
  };
  std::vector<const Mention*> ms = mentions;
  std::sort(ms.begin(), ms.end(), [](const Mention* a, const Mention* b) { return a->begin < b->begin; });
  for (const Mention* m : ms) {
    if (m->element != "date" && m->element != "time") return false;
    clock = clock || m->element == "time";
    if (m->begin < from) continue;  // (inside one before)
    if (!rest(text.substr(from, m->begin - from))) return false;
    from = m->end;
  }
  return rest(text.substr(from)) && left <= 15 && (dateline || clock || !words);
}

// A link's or a button's label (Amazonで見る, 続きを読む, 詳細をチェック): a line of at most
// fifteen characters that ends, without a full stop, in a word of entities.tsv's link-label.
bool link_label(std::string_view text) {
  if (text.size() > 96) return false;
  std::string n = normalise(text).text;
  while (!n.empty() && (n.back() == ' ' || n.back() == '>')) n.pop_back();
  if (n.empty() || text::length(n) > 15) return false;
  const auto& labels = EntityWords::builtin().link_labels;
  return std::any_of(labels.begin(), labels.end(), [&](const std::string& w) { return std::string_view(n).ends_with(w); });
}

// A rumour told in a clause before が、 whose own predicate is the writer's (…といったうわさも
// 広がっているが、裏付けはない): the clause, read as a sentence of its own, is a rumour.
bool rumour_before_but(std::string_view n, const Lexicon& lex) {
  std::size_t at = n.find("が、");
  if (at == std::string_view::npos || text::length(n.substr(0, at)) < 8) return false;
  std::string clause(n.substr(0, at));
  clause += "。";
  return classify(clause, SentenceContext{}, lex).rumour;
}

// Whether the sentence is handed to a fact-checker: it asserts or reports a date, a number or a
// name, or it is hearsay (a rumour, a post, …という: what a checker looks at first) — but never
// a line with no claim in it: a bare timestamp or a link's label.
// Every detail the sentence shows is a date counted forward from the page's own (来年, 来月):
// what is planned or expected there has not happened, and nothing in it can be checked yet.
bool only_the_future(std::string_view text, const std::vector<const Mention*>& added) {
  if (added.empty()) return false;
  const auto& words = EntityWords::builtin();
  for (const Mention* m : added) {
    if (m->element != "date") return false;
    std::string_view surface = text.substr(m->begin, m->end - m->begin);
    auto r = std::find_if(words.relative_dates.begin(), words.relative_dates.end(),
                          [&](const EntityWords::RelativeDate& w) { return w.text == surface; });
    if (r == words.relative_dates.end() || r->page == 0 || r->offset <= 0) return false;
  }
  return true;
}

bool check_worthy(std::string_view text, const Decision& d, bool checkable, const std::vector<const Mention*>& added,
                  bool dateline, const Normalised& norm, const Lexicon& lex) {
  if (link_label(text) || timestamp_line(text, added, dateline)) return false;
  if (checkable && !only_the_future(text, added)) return true;
  if (d.category == Category::fact) return rumour_before_but(norm.text, lex);
  if (d.category != Category::reported) return false;
  if (d.rumour || d.unnamed) return true;
  // A hearsay noun decided it (…とする投稿もある, …という話だ).
  return std::any_of(d.decisive.begin(), d.decisive.end(), [&](std::size_t k) { return d.hits[k].kind == "rumour"; });
}

// Sentence k: its decisive cues, dates, numbers and names, its source, its @ana.
void mark_sentence(Pass& pass, std::size_t k, Marker& mk, const std::vector<std::string>& other_tokens) {
  auto& refs = pass.refs;
  auto& norms = pass.norms;
  auto& decisions = pass.decisions;
  auto& voiced_by = pass.voiced_by;
  auto& sources = pass.sources;
  Ref& r = refs[k];
  Sentence& s = *r.s;
  const Decision& d = decisions[k];
  if (r.div != mk.current_div) {
    mk.dates = DateContext{mk.page.page_year, mk.page.page_year, mk.page.page_month};
    mk.current_div = r.div;
  }
  SpanSet set{s.spans, s.spans.size()};
  // The decisive cues.
  for (auto idx : d.decisive) {
    const CueHit& h = d.hits[idx];
    Attrs a;
    a.set("type", "cue");
    a.set("subtype", to_string(d.category));
    set.add(h.begin, h.end, "seg", std::move(a));
  }
  // Dates, numbers, names.
  bool checkable = false;
  std::vector<const Mention*> added;  // what the sentence shows a checker, for check_worthy
  auto add_mentions = [&](const std::vector<Mention>& ms) {
    auto part = [](const Mention& m) { return m.element == "roleName" || m.element == "addName"; };
    for (const Mention& m : ms) {
      if (part(m)) continue;  // parts go in with their persName only
      bool ok = set.add(m.begin, m.end, m.element, m.attrs);
      checkable = checkable || ok;
      if (ok) added.push_back(&m);
      if (!ok || m.element != "persName") continue;
      for (const Mention& p : ms)
        if (part(p) && p.begin >= m.begin && p.end <= m.end) set.add(p.begin, p.end, p.element, p.attrs);
    }
  };
  auto date_mentions = find_dates(s.text, norms[k], mk.dates);
  add_mentions(date_mentions);
  bool dateline = false;  // the sentence is the page's dateline
  if (mk.page.page_year == 0) {
    std::tie(mk.page.page_year, mk.page.page_month) = dateline_date(s.text, date_mentions);
    dateline = mk.page.page_year != 0;
    // (The sentences after the dateline in its division count from it too: 4日、 in the lead.)
    if (mk.page.page_year != 0 && mk.dates.page_year == 0) {
      mk.dates.page_year = mk.page.page_year;
      mk.dates.page_month = mk.page.page_month;
    }
  }
  // Numbers and names depend on the sentence alone: a sentence met before gets them again.
  std::pair<std::vector<Mention>, std::vector<Mention>> fresh;
  const std::pair<std::vector<Mention>, std::vector<Mention>>* found = nullptr;
  if (mk.use_cache)
    if (auto it = mk.mention_cache.find(s.text); it != mk.mention_cache.end()) found = &it->second;
  if (!found) {
    fresh.first = find_numbers(s.text, norms[k]);
    fresh.second = find_names(s.text, norms[k], mk.gaz);
    std::erase_if(fresh.second, [&](const Mention& m) { return vocative(s.text, m); });
    found = &fresh;
    if (mk.use_cache) {
      if (mk.mention_cache.size() >= (1u << 16)) mk.mention_cache.clear();
      found = &mk.mention_cache.emplace(s.text, std::move(fresh)).first->second;
    }
  }
  // A number inside a date (令和6年) is the date's.
  auto numbers = found->first;
  std::erase_if(numbers, [&](const Mention& m) {
    return std::any_of(date_mentions.begin(), date_mentions.end(),
                       [&](const Mention& dm) { return dm.begin <= m.begin && m.end <= dm.end; });
  });
  add_mentions(numbers);
  // (A vocative, 山田さん、…, names whom the sentence speaks to, not a checkable detail: left
  // out of the names above.)
  add_mentions(found->second);

  // Who said it: the noun a reported sentence names as its source, or a participant.
  if (d.category == Category::reported && voiced_by[k] < 0) {
    std::optional<Source> src;
    if (d.speaker_end > d.speaker_begin)
      src = source_at(norms[k].text, d.speaker_begin, d.speaker_end, "the subject after the quotation");
    // A hearsay noun as the subject (…との報告があった): its topic is part of what is reported.
    bool noun_said = said_by_a_noun(d);
    if (!src && noun_said) src = agent_of_a_hearsay_noun(norms[k].text, 0);
    if (!src) src = find_source(norms[k].text, 0, mk.lex);
    // …の間では, …では: where the view goes round names who holds it; a topic with が or は is
    // what is reported (利用者の半数が…との報告があった).
    if (src && noun_said && src->why.starts_with("the topic of the sentence") &&
        !std::string_view(norms[k].text).substr(src->end).starts_with("では"))
      src.reset();
    // (Hearsay that names no one: its topic is what is said, 明日は雨が降るそうだ.)
    if (src && d.unnamed && src->why.starts_with("the topic of the sentence")) src.reset();
    if (src) {
      auto [b, e] = norms[k].source(src->begin, src->end);
      sources[k] = point_at(s, b, e, src->element, set, mk.persons, src->type);
    }
  }

  std::string ana = "#" + std::string(to_string(d.category));
  // (An author box, the division of the credits and the people's profiles, says who made the
  // page and who they are: no claim of the article a fact-checker is handed.)
  bool worth = check_worthy(s.text, d, checkable, added, dateline, norms[k], mk.lex) && !(r.div && r.div->type == "author");
  if (worth && (d.category == Category::fact || d.category == Category::reported)) ana += " #checkworthy";
  for (auto& t : other_tokens) ana += " " + t;
  s.attrs.set("ana", ana);
}

// The words of a post or of an introduced quotation: the footer's name, the introducer's source.
void voiced_sources(Pass& pass, const Lexicon& lex, const std::vector<Person>& persons) {
  auto& refs = pass.refs;
  auto& norms = pass.norms;
  auto& voiced_by = pass.voiced_by;
  auto& sources = pass.sources;
  for (std::size_t k = 0; k < refs.size(); ++k) {
    if (voiced_by[k] < 0) continue;
    std::size_t v = static_cast<std::size_t>(voiced_by[k]);
    if (sources[v].empty() && post_footer(norms[v].text)) {
      Sentence& f = *refs[v].s;
      std::string_view n = norms[v].text;
      std::size_t a = 0;
      while (a < n.size()) {
        if (n[a] == ' ' || n[a] == '-') ++a;
        else if (n.substr(a, 3) == "—" || n.substr(a, 3) == "―" || n.substr(a, 3) == "─" || n.substr(a, 3) == "–") a += 3;
        else break;
      }
      std::size_t at = n.find("(@", a);
      std::size_t e = at;
      while (e > a && n[e - 1] == ' ') --e;
      if (at != std::string_view::npos && e > a) {
        auto [sb, se] = norms[v].source(a, e);
        SpanSet fset{f.spans, f.spans.size()};
        sources[v] = point_at(f, sb, se, "persName", fset, persons);
      }
    }
    if (sources[v].empty() && !post_footer(norms[v].text)) {
      // The introducer names who speaks (監督は試合後、こう振り返った。), or is a line of the
      // name alone (代表取締役社長 千葉慎一).
      auto src = name_line(norms[v].text);
      if (!src) src = find_source(norms[v].text, 0, lex);
      if (src) {
        Sentence& in = *refs[v].s;
        auto [sb, se] = norms[v].source(src->begin, src->end);
        SpanSet iset{in.spans, in.spans.size()};
        sources[v] = point_at(in, sb, se, src->element, iset, persons, src->type);
      }
    }
    if (!sources[v].empty()) sources[k] = sources[v];
  }
}

}  // namespace

// Removes what an earlier run of this stage added; returns the other @ana tokens.
std::vector<std::string> strip_own(Sentence& s) {
  std::erase_if(s.spans, own_span);
  std::vector<std::string> keep;
  if (const std::string* ana = s.attrs.get("ana"))
    for (auto& t : split(*ana))
      if (!kOwnTokens.count(t)) keep.push_back(t);
  s.attrs.erase("ana");
  s.attrs.erase("corresp");
  s.attrs.erase("source");
  // An id this stage gave a name another tool's span now holds (it is given again below).
  for (auto& sp : s.spans) {
    Attrs kept;
    bool changed = false;
    for (auto& a : sp.attrs.list()) {
      if (own_id(a)) changed = true;
      else kept.set(a.name, a.value);
    }
    if (changed) sp.attrs = kept;
  }
  return keep;
}

namespace {
// One nesting whatever ran last: an element of this stage over exactly the characters of
// another tool's (<orgName> and jatei-terms' <term> over the same name) is the outer one,
// <orgName><term>…</term></orgName>, the order the pipeline (claims, then terms) writes. The
// writer nests elements of the same extent in the order of the list, and this stage adds its
// own after the others: each goes before the first element of another tool with its extent.
void own_outside(Sentence& s) {
  // The same as moving, in order, each own span k before the first other span of its extent
  // when that one comes earlier (the spans of one stage keep their order), in one pass: a
  // sentence of 4,000,000 characters has some 100,000 spans, and a search for each was
  // quadratic.
  std::size_t n = s.spans.size();
  std::vector<char> own(n);
  for (std::size_t i = 0; i < n; ++i) own[i] = own_span(s.spans[i]);
  auto key = [](const Span& sp) { return std::pair<std::size_t, std::size_t>(sp.begin, sp.end); };
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> first_foreign;
  for (std::size_t i = 0; i < n; ++i) {
    const Span& f = s.spans[i];
    if (!own[i] && f.xml.empty() && f.begin < f.end) first_foreign.emplace(key(f), i);
  }
  if (first_foreign.empty()) return;
  std::vector<std::vector<std::size_t>> before(n);  // own spans that go before span i
  std::vector<char> moved(n);
  bool any = false;
  for (std::size_t k = 0; k < n; ++k) {
    if (!own[k] || s.spans[k].begin == s.spans[k].end) continue;
    auto f = first_foreign.find(key(s.spans[k]));
    if (f == first_foreign.end() || f->second >= k) continue;
    before[f->second].push_back(k);
    moved[k] = 1;
    any = true;
  }
  if (!any) return;
  std::vector<Span> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (moved[i]) continue;
    for (std::size_t k : before[i]) out.push_back(std::move(s.spans[k]));
    out.push_back(std::move(s.spans[i]));
  }
  s.spans = std::move(out);
}
}  // namespace

void mark_up(Pass& pass, const Document& doc, const Gazetteer& gaz, const Lexicon& lex,
             const std::vector<std::vector<std::string>>& other_tokens, bool use_cache, MentionCache& cache,
             DateContext& page) {
  pass.sources.assign(pass.size(), std::string());
  Marker mk{gaz, lex, doc.header.persons, use_cache, DateContext{}, nullptr, page, cache};
  for (std::size_t k = 0; k < pass.size(); ++k) mark_sentence(pass, k, mk, other_tokens[k]);
  page = mk.page;
  voiced_sources(pass, lex, doc.header.persons);
  for (std::size_t k = 0; k < pass.size(); ++k)
    if (!pass.sources[k].empty() && pass.decisions[k].category == Category::reported)
      pass.refs[k].s->attrs.set("source", pass.sources[k]);
  for (std::size_t k = 0; k < pass.size(); ++k) own_outside(*pass.refs[k].s);
}

}  // namespace jatei::claims

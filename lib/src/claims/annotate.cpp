// The claims stage: every sentence gets its category, its decisive cue, and its dates, numbers
// and names; hedges that cover earlier sentences point at them.
//
// Idempotence: the stage owns @ana's category tokens, @corresp on source sentences, <seg
// type="cue"> and the name, date and number elements it writes (recognised by carrying only
// attributes this stage writes). It removes them first and adds them again, so a second run
// gives the same bytes, and a hand-made <persName ref="…"> or another tool's <term> is kept:
// a new element that would cross one of those is not added.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <ostream>
#include <set>
#include <thread>
#include <unordered_map>

#include "claims/morph.hpp"
#include "core/beside.hpp"
#include "claims/source.hpp"
#include "jatei/claims.hpp"
#include "jatei/text.hpp"
#include "jatei/segment.hpp"

namespace jatei::claims {

std::vector<Taxonomy> taxonomies() {
  Taxonomy f;
  f.id = "factuality";
  f.categories = {
      {"fact", "Stated as fact: asserted without a hedge"},
      {"speculation", "Speculation: hedged, guessed or suspected"},
      {"reported", "Reported: someone else's words or what is said"},
      {"question", "A question"},
      {"opinion", "An evaluation or opinion"},
      {"other", "Other: greetings, requests, headings, captions, credits"},
  };
  Taxonomy c;
  c.id = "checking";
  c.categories = {{"checkworthy", "Asserts or reports a date, number or name a fact-checker can check"}};
  return {f, c};
}

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

struct Ref {
  Sentence* s;
  const Division* div;
  const Turn* turn;
  const Block* block;
  const Leaf* leaf;
  std::size_t leaf_no;  // document order of the leaf
};

bool crosses(std::size_t ab, std::size_t ae, std::size_t bb, std::size_t be) {
  return (ab < bb && bb < ae && ae < be) || (bb < ab && ab < be && be < ae);
}

// Adds spans in priority order, skipping any that would cross a kept or accepted span.
struct SpanSet {
  std::vector<Span>& spans;
  std::size_t foreign;  // spans[0..foreign) were there before this stage
  bool fits(std::size_t b, std::size_t e) const {
    if (b >= e) return false;
    for (auto& s : spans)
      if (crosses(b, e, s.begin, s.end)) return false;
    return true;
  }
  bool has(std::size_t b, std::size_t e, std::string_view element) const {
    for (auto& s : spans)
      if (s.begin == b && s.end == e && s.element == element) return true;
    return false;
  }
  bool add(std::size_t b, std::size_t e, std::string element, Attrs attrs) {
    if (!fits(b, e) || has(b, e, element)) return false;
    spans.push_back({b, e, std::move(element), std::move(attrs)});
    return true;
  }
};

std::string explain_line(const Ref& r, const Decision& d, const std::string& covered_by) {
  std::string out = r.s->id + "\t" + std::string(to_string(d.category)) + "\t" + d.rule;
  if (!covered_by.empty()) out += " (covered by the hedge in " + covered_by + ")";
  out += "\n";
  if (!d.predicate.empty()) out += "    " + d.predicate + "\n";
  for (std::size_t k = 0; k < d.hits.size(); ++k) {
    auto& h = d.hits[k];
    bool decisive = std::find(d.decisive.begin(), d.decisive.end(), k) != d.decisive.end();
    out += "  ";
    out += decisive ? "* " : "  ";
    out += "\"" + r.s->text.substr(h.begin, h.end - h.begin) + "\" " + std::string(to_string(h.category));
    if (!h.kind.empty()) out += "/" + h.kind;
    char buf[16];
    std::snprintf(buf, sizeof buf, " %.2f", h.strength);
    out += buf;
    out += h.governs ? " governs" : " embedded";
    if (!h.note.empty()) out += " (" + h.note + ")";
    out += "\n";
  }
  return out;
}

// Whether a sentence introduces the quotation that follows it as someone's words.
bool introduces_quote(std::string_view n, const Decision& d) {
  if (d.category == Category::reported) return true;
  constexpr auto npos = std::string_view::npos;
  return n.find("以下のように") != npos || n.find("次のように") != npos || n.find("以下の通り") != npos ||
         n.find("次の通り") != npos || n.find("以下のとおり") != npos || n.find("次のとおり") != npos;
}

// A sentence that is one quotation and nothing else: 「…」 or 「…」。
bool wholly_quoted(std::string_view n) {
  for (std::string_view end : {"。", " ", "　"})
    while (n.ends_with(end)) n.remove_suffix(end.size());
  if (!(n.starts_with("「") || n.starts_with("『"))) return false;
  int depth = 0;
  std::size_t i = 0;
  while (i < n.size()) {
    std::size_t len = 0;
    char32_t c = text::at(n, i, len);
    if (c == U'「' || c == U'『') ++depth;
    else if (c == U'」' || c == U'』') {
      if (--depth == 0) return i + len == n.size();
    }
    i += len ? len : 1;
  }
  return false;
}

// Whether a decision was made by a verb of saying that points back at words (そう話した).
bool points_back(const Decision& d) {
  if (d.category != Category::reported) return false;
  for (std::size_t k : d.decisive)
    if (k < d.hits.size() && d.hits[k].kind == "pointer") return true;
  return false;
}

// A speaker label without its marks: 【森】 → 森, 司会： → 司会, ―― → ―, （記者） → 記者.
std::string trim_label(std::string_view label) {
  std::string l = normalise(label).text;
  std::string_view v = l;
  auto strip = [](std::string_view x) {
    static const std::string_view marks[] = {" ", ":", "【", "】", "(", ")", "[", "]", "「", "」", "<", ">", "○", "◆", "◎", "・"};
    bool again = true;
    while (again && !x.empty()) {
      again = false;
      for (auto m : marks) {
        if (x.starts_with(m)) x.remove_prefix(m.size()), again = true;
        if (x.ends_with(m)) x.remove_suffix(m.size()), again = true;
      }
    }
    return x;
  };
  v = strip(v);
  if (v.starts_with("―") || v.starts_with("—") || v.starts_with("─")) return "Q";
  return std::string(v);
}

// The label at the start of a paragraph's first sentence, where no speaker stage moved it.
// `whole`: the normalised sentence, which is the normalised start when the sentence is no longer.
bool leading_label_asks(std::string_view text, const Normalised& whole, const Lexicon& lex) {
  std::string n;
  if (text.size() > 96) n = normalise(text.substr(0, 96)).text;
  std::string_view v = text.size() > 96 ? std::string_view(n) : std::string_view(whole.text);
  while (!v.empty() && (v[0] == ' ')) v.remove_prefix(1);
  if (v.starts_with("――") || v.starts_with("――") || v.starts_with("——") || v.starts_with("──") || v.starts_with("―"))
    return true;
  if (v.size() > 2 && v[0] == 'Q' && (v[1] == '.' || v[1] == ':' || (v[1] >= '0' && v[1] <= '9'))) return true;
  // [00:12:40] ホスト・岡田：
  if (!v.empty() && (v[0] == '[' || v[0] == '(')) {
    std::size_t close = v.find(v[0] == '[' ? ']' : ')');
    if (close != std::string_view::npos && close < 14 && v.substr(1, close - 1).find(':') != std::string_view::npos) {
      v.remove_prefix(close + 1);
      while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
    }
  }
  // 【司会】 （記者） [司会]
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"【", "】"}, {"(", ")"}, {"[", "]"}}) {
    if (v.starts_with(open)) {
      std::size_t c = v.find(close);
      if (c != std::string_view::npos && c < 40) return asks(trim_label(v.substr(0, c + close.size())), lex);
    }
  }
  std::size_t colon = v.find(':');
  if (colon != std::string_view::npos && colon < 40) return asks(trim_label(v.substr(0, colon)), lex);
  return false;
}

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
                     const std::vector<Person>& persons) {
  std::string noun = normalise(std::string_view(s.text).substr(b, e - b)).text;
  for (const Person& p : persons) {
    if (p.id.empty() || p.name.empty()) continue;
    std::string name = normalise(p.name).text;
    if (noun == name || (noun.size() > name.size() && noun.starts_with(name) && noun.size() - name.size() <= 9))
      return "#" + p.id;
  }
  if (s.id.empty()) return "";
  std::string id = s.id + "-src";
  for (auto& sp : s.spans) {
    if (sp.begin == b && sp.end == e && (sp.element == "persName" || sp.element == "orgName" || sp.element == "name")) {
      sp.attrs.set("xml:id", id);
      return "#" + id;
    }
  }
  Attrs a;
  a.set("xml:id", id);
  if (set.add(b, e, element, std::move(a))) return "#" + id;
  return "";
}

// The footer of an embedded post: a dash, a name, (@handle), a date.
bool post_footer(std::string_view n) {
  std::string_view v = n;
  while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
  bool dash = v.starts_with("—") || v.starts_with("―") || v.starts_with("-") || v.starts_with("–") || v.starts_with("─");
  if (!dash) return false;
  std::size_t at = v.find("(@");
  if (at == std::string_view::npos) return false;
  std::size_t e = at + 2;
  while (e < v.size() && (std::isalnum(static_cast<unsigned char>(v[e])) || v[e] == '_')) ++e;
  return e > at + 2 && e < v.size() && v[e] == ')';
}

// A line that is only a link (pic.twitter.com/…, https://…).
bool link_line(std::string_view n) {
  std::string_view v = n;
  while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
  bool link = v.starts_with("pic.twitter.com/") || v.starts_with("http://") || v.starts_with("https://");
  return link && v.find(' ') == std::string_view::npos;
}

// A sentence that introduces the paragraph after it as someone's words: a verb of saying with
// こう/次のように/以下のように, or a statement noun with 以下の通り (コメントの全文は以下の通り).
bool introducer(std::string_view n, const Decision& d, const Lexicon& lex) {
  std::string_view v = n;
  while (!v.empty() && (v.back() == ' ')) v.remove_suffix(1);
  if (!v.ends_with("。") && !v.ends_with(":")) return false;
  constexpr auto npos = std::string_view::npos;
  bool manner = v.find("こう") != npos || v.find("次のように") != npos || v.find("以下のように") != npos;
  const std::string& h = d.predicate_head;
  bool saying = !h.empty() && (lex.word("speech", h) || lex.word("manner", h) || lex.word("hearing", h));
  if (manner && saying && v.find("「") == npos) return true;
  bool list = v.find("以下の通り") != npos || v.find("次の通り") != npos || v.find("以下のとおり") != npos ||
              v.find("次のとおり") != npos;
  if (!list) return false;
  for (auto* c : lex.of_kind("quotenoun"))
    if (v.find(c->expression) != npos) return true;
  return false;
}

}  // namespace

void annotate(Document& doc, const Options& options) {
  const Lexicon& lex = options.lexicon ? *options.lexicon : Lexicon::builtin();
  const Gazetteer& gaz = options.gazetteer ? *options.gazetteer : Gazetteer::builtin();

  std::vector<Ref> refs;
  std::size_t leaf_no = 0;
  for (auto& div : doc.divisions) {
    if (div.type == "translation") continue;
    for (auto& turn : div.turns)
      for (auto& block : turn.blocks)
        for (auto& leaf : block.leaves) {
          for (auto& p : leaf.pieces)
            if (p.kind == Piece::Kind::sentence) refs.push_back({&p.sentence, &div, &turn, &block, &leaf, leaf_no});
          ++leaf_no;
        }
  }

  static const bool use_cache = [] {
    const char* e = std::getenv("JATEI_CLAIMS_CACHE");
    return !(e && std::string_view(e) == "0");
  }();
  // JATEI_PROFILE: where the time goes, on standard error.
  const bool profile = std::getenv("JATEI_PROFILE") != nullptr;
  using Clock = std::chrono::steady_clock;
  auto t0 = Clock::now();
  MorphCost morph_before = morph_cost();
  std::vector<std::vector<std::string>> other_tokens(refs.size());
  for (std::size_t k = 0; k < refs.size(); ++k) other_tokens[k] = strip_own(*refs[k].s);

  // Each sentence is normalised once, for every finder.
  std::vector<Normalised> norms(refs.size());
  for (std::size_t k = 0; k < refs.size(); ++k) norms[k] = normalise(refs[k].s->text);

  auto t_normalised = Clock::now();
  // Which turns ask: the person's role in particDesc (jatei-speakers), the turn's label, or,
  // where no speaker stage ran, the label at the start of the paragraph (――, Q., 司会：).
  std::vector<char> askers(refs.size(), 0);
  {
    std::map<std::string, std::string, std::less<>> roles;
    for (auto& person : doc.header.persons) roles["#" + person.id] = person.role;
    const Leaf* leaf = nullptr;
    bool leaf_asks = false;
    for (std::size_t k = 0; k < refs.size(); ++k) {
      const Ref& r = refs[k];
      if (r.turn->spoken()) {
        auto it = roles.find(r.turn->who);
        bool by_role = it != roles.end() && asks(it->second, lex);
        bool by_label = r.turn->speaker && asks(trim_label(*r.turn->speaker), lex);
        askers[k] = by_role || by_label;
        if (askers[k]) continue;
      }
      if (r.leaf != leaf) {
        leaf = r.leaf;
        leaf_asks = leading_label_asks(r.s->text, norms[k], lex);
      }
      askers[k] = askers[k] || leaf_asks;
    }
  }

  // Procedures: the sentences under a heading of one (作り方, 手順, ### 通知の設定), up to the
  // next heading.
  std::vector<char> procedure(refs.size(), 0);
  {
    bool under = false;
    const Leaf* leaf = nullptr;
    for (std::size_t k = 0; k < refs.size(); ++k) {
      const Ref& r = refs[k];
      if (r.leaf == leaf) {
        procedure[k] = under;
        continue;
      }
      leaf = r.leaf;
      std::string_view t = norms[k].text;
      bool heading_line = r.block->kind == BlockKind::head ||
                          (r.leaf->pieces.size() == 1 && text::length(t) <= 24 && !t.ends_with("。") && !t.ends_with("!") &&
                           !t.ends_with("?"));
      if (heading_line) {
        under = false;
        for (auto* c : lex.of_kind("procedure"))
          if (t.find(c->expression) != std::string_view::npos) under = true;
        continue;
      }
      procedure[k] = under;
    }
  }

  // Factuality: each sentence on its own, on two threads for a large document (each thread has
  // its own MeCab tagger; the decisions are the same as on one); then the sentences of a
  // quotation block the sentence before it introduces, which need that sentence's decision.
  std::vector<Decision> decisions(refs.size());
  auto context = [&](std::size_t k) {
    const Ref& r = refs[k];
    SentenceContext ctx;
    ctx.block = std::string(to_string(r.block->kind));
    ctx.division = r.div->type;
    ctx.asker = askers[k];
    ctx.procedure = procedure[k];
    return ctx;
  };
  {
    std::atomic<std::size_t> next_chunk{0};
    constexpr std::size_t kChunk = 256;
    // A sentence met before in the same context (a site's furniture, a repeated line) gets the
    // decision it got then: classify depends on nothing else. Each thread keeps its own.
    // JATEI_CLAIMS_CACHE=0 turns this, the names and numbers of a sentence met before and the
    // MeCab window cache off (make bench measures both ways).
    auto work = [&] {
      std::unordered_map<std::string, Decision> seen;
      constexpr std::size_t kSeen = 1 << 16;
      std::string key;
      for (std::size_t a = next_chunk.fetch_add(kChunk); a < refs.size(); a = next_chunk.fetch_add(kChunk))
        for (std::size_t k = a; k < std::min(refs.size(), a + kChunk); ++k) {
          SentenceContext ctx = context(k);
          if (!use_cache) {
            decisions[k] = classify(refs[k].s->text, norms[k], ctx, lex);
            continue;
          }
          key.assign(refs[k].s->text);
          key += '\0';
          key += ctx.block;
          key += '\0';
          key += ctx.division;
          key += ctx.asker ? "\1" : "\2";
          key += ctx.procedure ? "\1" : "\2";
          if (auto it = seen.find(key); it != seen.end()) {
            decisions[k] = it->second;
            continue;
          }
          decisions[k] = classify(refs[k].s->text, norms[k], ctx, lex);
          if (seen.size() >= kSeen) seen.clear();
          seen.emplace(key, decisions[k]);
        }
    };
    // (JATEI_PROFILE runs on one thread, so that the MeCab time it reports is all of it.)
    if (!profile && refs.size() >= 4 * kChunk && std::thread::hardware_concurrency() > 1) run_beside(work, work);
    else work();
  }
  for (std::size_t k = 0; k < refs.size(); ++k) {
    const Ref& r = refs[k];
    if (r.block->kind != BlockKind::quote) continue;
    // The sentence just before the quotation block.
    std::size_t j = k;
    while (j > 0 && refs[j - 1].block == r.block) --j;
    if (j > 0 && introduces_quote(norms[j - 1].text, decisions[j - 1])) {
      SentenceContext ctx = context(k);
      ctx.introduced_quote = true;
      decisions[k] = classify(r.s->text, norms[k], ctx, lex);
    }
  }

  auto t_classified = Clock::now();
  // Quotations the text introduces: the words of an embedded social-media post above its
  // footer (— 名前 (@handle) 日付), and a paragraph right after a sentence that introduces
  // someone's words (社長は次のように語った。, コメントの全文は以下の通り。). What they contain is
  // reported, never the writer's fact; their source is the footer's name or the introducer's.
  std::vector<std::ptrdiff_t> voiced_by(refs.size(), -1);  // the sentence that names the speaker
  for (std::size_t k = 0; k < refs.size(); ++k) {
    if (!post_footer(norms[k].text)) continue;
    decisions[k].category = Category::other;
    decisions[k].rule = "the footer of an embedded post";
    decisions[k].decisive.clear();
    std::size_t j = k;
    while (j > 0 && (refs[j - 1].leaf == refs[k].leaf || link_line(norms[j - 1].text))) --j;
    if (j == 0) continue;
    const Leaf* post = refs[j - 1].leaf;
    while (j > 0 && refs[j - 1].leaf == post) {
      --j;
      Decision& d = decisions[j];
      if (d.category == Category::question) continue;
      d.category = Category::reported;
      d.rule = "the words of an embedded post (its footer: " + refs[k].s->id + ")";
      d.decisive.clear();
      d.rumour = true;
      voiced_by[j] = static_cast<std::ptrdiff_t>(k);
    }
  }
  for (std::size_t k = 1; k < refs.size(); ++k) {
    const Ref& r = refs[k];
    if (refs[k - 1].leaf == r.leaf || r.block->kind != BlockKind::paragraph || voiced_by[k] >= 0) continue;
    if (!introducer(norms[k - 1].text, decisions[k - 1], lex)) continue;
    for (std::size_t j = k; j < refs.size() && refs[j].leaf == r.leaf; ++j) {
      if (post_footer(norms[j].text) || link_line(norms[j].text)) break;
      Decision& d = decisions[j];
      if (d.category == Category::question) continue;
      d.category = Category::reported;
      d.rule = "words the sentence before introduces as someone's (" + refs[k - 1].s->id + ")";
      d.decisive.clear();
      voiced_by[j] = static_cast<std::ptrdiff_t>(k - 1);
    }
  }

  // A quotation the next sentence points back at as someone's words (「…」。社長はそう語った。).
  for (std::size_t k = 0; k + 1 < refs.size(); ++k) {
    if (voiced_by[k] >= 0 || !wholly_quoted(norms[k].text) || !points_back(decisions[k + 1])) continue;
    BlockKind next = refs[k + 1].block->kind;
    if (next != BlockKind::paragraph && next != BlockKind::quote) continue;
    Decision& d = decisions[k];
    if (d.category == Category::question) continue;
    d.category = Category::reported;
    d.rule = "words the sentence after points back at as someone's (" + refs[k + 1].s->id + ")";
    d.decisive.clear();
    voiced_by[k] = static_cast<std::ptrdiff_t>(k + 1);
  }

  // A heading that names someone's statement (■代表取締役CEO 久保田 誠 コメント, （ご参考１）社長
  // 真壁恭子のコメント: a person's name, then コメント, 談話, 声明): the paragraphs under it, up to
  // the next heading or heading-like line (at most three), are that person's words.
  auto alone = [&](std::size_t k) {
    return (k == 0 || refs[k - 1].leaf != refs[k].leaf) && (k + 1 == refs.size() || refs[k + 1].leaf != refs[k].leaf);
  };
  auto heading_like = [&](std::size_t k) {
    std::string_view v = norms[k].text;
    return alone(k) && v.find("。") == std::string_view::npos && text::length(v) <= 60;
  };
  // Inside such a section, a heading that is only a person's name and role (【南港・佐々木HC】,
  // ◇中村翔太選手) opens the next person's words.
  auto names_person = [&](std::size_t k) {
    if (!heading_like(k) || text::length(norms[k].text) > 24) return false;
    std::vector<Morph> morphs;
    analyse_morphs(norms[k].text, morphs);
    bool person = false;
    for (const Morph& m : morphs) {
      if (m.pos == Pos::verb || m.pos == Pos::adjective || m.pos == Pos::auxiliary) return false;
      if (m.pos1 == "固有名詞" && m.pos2 == "人名") person = true;
    }
    return person;
  };
  auto names_statement = [&](std::size_t k) {
    if (!heading_like(k)) return false;
    std::string_view v = norms[k].text;
    bool trimmed = true;
    while (trimmed && !v.empty()) {
      trimmed = false;
      for (std::string_view m : {" ", ":", "】", ")", "]", "」", ">"})
        if (v.ends_with(m)) v.remove_suffix(m.size()), trimmed = true;
    }
    bool statement = false;
    for (auto* c : lex.of_kind("quotenoun"))
      if (c->expression != "回答" && c->expression != "投稿" && v.ends_with(c->expression) && v.size() > c->expression.size())
        statement = true;
    if (!statement) return false;
    // It names the person (質問者からのお礼コメント introduces a participant's own turn), or it
    // heads a section of several people's words (試合後の主なコメント) in prose, not in turns,
    // where a person's name or a person's quoted words come next.
    std::vector<Morph> morphs;
    analyse_morphs(v, morphs);
    if (std::any_of(morphs.begin(), morphs.end(), [](const Morph& m) { return m.pos1 == "固有名詞" && m.pos2 == "人名"; }))
      return true;
    return k + 1 < refs.size() && !refs[k + 1].turn->spoken() && !refs[k].turn->spoken() &&
           (names_person(k + 1) || decisions[k + 1].category == Category::reported);
  };
  for (std::size_t k = 0; k + 1 < refs.size(); ++k) {
    if (!names_statement(k)) continue;
    const Leaf* current = nullptr;
    int leaves = 0;
    for (std::size_t j = k + 1; j < refs.size(); ++j) {
      if (refs[j].leaf != current) {
        current = refs[j].leaf;
        if (names_person(j) && !refs[j].turn->spoken()) {
          leaves = 0;  // the next person's words follow
          continue;
        }
        // (a person's words without a full stop, 山田HC「…」, are no heading)
        bool words = decisions[j].category == Category::reported;
        if (++leaves > 3 || (heading_like(j) && !words) || refs[j].block->kind == BlockKind::head ||
            (refs[j].block->kind != BlockKind::paragraph && refs[j].block->kind != BlockKind::quote))
          break;
      }
      if (refs[j].leaf == current && leaves == 0) continue;  // the person heading itself
      if (voiced_by[j] >= 0) continue;
      Decision& d = decisions[j];
      if (d.category == Category::question) continue;
      d.category = Category::reported;
      d.rule = "words under a heading that names a statement (" + refs[k].s->id + ")";
      d.decisive.clear();
      voiced_by[j] = static_cast<std::ptrdiff_t>(k);
    }
  }

  // A sentence that only hedges what came before covers the sentences it hedges.
  std::vector<std::string> covered_by(refs.size());
  for (std::size_t k = 0; k < refs.size(); ++k) {
    if (!decisions[k].retrospective) continue;
    std::vector<std::size_t> covered;
    auto coverable = [&](std::size_t j) {
      Category c = decisions[j].category;
      return (c == Category::fact || c == Category::opinion || c == Category::speculation) && !decisions[j].retrospective;
    };
    std::size_t j = k;
    while (j > 0 && refs[j - 1].leaf == refs[k].leaf && covered.size() < 3 && coverable(j - 1)) covered.push_back(--j);
    if (covered.empty() && k > 0 && refs[k - 1].leaf != refs[k].leaf && refs[k].turn->spoken() &&
        refs[k - 1].turn == refs[k].turn) {
      // First in its paragraph: the end of the speaker's previous paragraph.
      std::size_t m = k;
      const Leaf* prev_leaf = refs[k - 1].leaf;
      while (m > 0 && refs[m - 1].leaf == prev_leaf && covered.size() < 3 && coverable(m - 1)) covered.push_back(--m);
    }
    if (covered.empty()) continue;
    std::sort(covered.begin(), covered.end());
    std::string corresp;
    for (auto c : covered) {
      if (refs[c].s->id.empty()) continue;
      if (!corresp.empty()) corresp += " ";
      corresp += "#" + refs[c].s->id;
      if (decisions[c].category != Category::speculation) {
        decisions[c].category = Category::speculation;
        decisions[c].rule = "covered by a hedge that follows it";
        decisions[c].decisive.clear();
      }
      covered_by[c] = refs[k].s->id;
    }
    if (!corresp.empty()) refs[k].s->attrs.set("corresp", corresp);
  }

  std::vector<std::string> sources(refs.size());
  const std::vector<Person>& persons = doc.header.persons;
  // Markup, sentence by sentence (the year stated in a division dates the days after it in
  // that division, across paragraphs: 2024年… then 1月20日 in the next paragraph → 2024-01-20).
  DateContext dates;
  const Division* current_div = nullptr;
  std::unordered_map<std::string, std::pair<std::vector<Mention>, std::vector<Mention>>> mention_cache;
  for (std::size_t k = 0; k < refs.size(); ++k) {
    Ref& r = refs[k];
    Sentence& s = *r.s;
    const Decision& d = decisions[k];
    if (r.div != current_div) {
      dates = DateContext{};
      current_div = r.div;
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
    auto add_mentions = [&](const std::vector<Mention>& ms) {
      auto part = [](const Mention& m) { return m.element == "roleName" || m.element == "addName"; };
      for (const Mention& m : ms) {
        if (part(m)) continue;  // parts go in with their persName only
        bool ok = set.add(m.begin, m.end, m.element, m.attrs);
        checkable = checkable || ok;
        if (!ok || m.element != "persName") continue;
        for (const Mention& p : ms)
          if (part(p) && p.begin >= m.begin && p.end <= m.end) set.add(p.begin, p.end, p.element, p.attrs);
      }
    };
    auto date_mentions = find_dates(s.text, norms[k], dates);
    add_mentions(date_mentions);
    // Numbers and names depend on the sentence alone: a sentence met before gets them again.
    std::pair<std::vector<Mention>, std::vector<Mention>> fresh;
    const std::pair<std::vector<Mention>, std::vector<Mention>>* found = nullptr;
    if (use_cache)
      if (auto it = mention_cache.find(s.text); it != mention_cache.end()) found = &it->second;
    if (!found) {
      fresh.first = find_numbers(s.text, norms[k]);
      fresh.second = find_names(s.text, norms[k], gaz);
      std::erase_if(fresh.second, [&](const Mention& m) { return vocative(s.text, m); });
      found = &fresh;
      if (use_cache) {
        if (mention_cache.size() >= (1u << 16)) mention_cache.clear();
        found = &mention_cache.emplace(s.text, std::move(fresh)).first->second;
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
      if (auto src = find_source(norms[k].text, 0, lex)) {
        auto [b, e] = norms[k].source(src->begin, src->end);
        sources[k] = point_at(s, b, e, src->element, set, persons);
      }
    }

    std::string ana = "#" + std::string(to_string(d.category));
    bool worth = checkable || (d.rumour && d.category == Category::reported);
    if (worth && (d.category == Category::fact || d.category == Category::reported)) ana += " #checkworthy";
    for (auto& t : other_tokens[k]) ana += " " + t;
    s.attrs.set("ana", ana);
  }
  // The words of a post or of an introduced quotation: the footer's name, the introducer's source.
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
      // The introducer names who speaks (監督は試合後、こう振り返った。).
      if (auto src = find_source(norms[v].text, 0, lex)) {
        Sentence& in = *refs[v].s;
        auto [sb, se] = norms[v].source(src->begin, src->end);
        SpanSet iset{in.spans, in.spans.size()};
        sources[v] = point_at(in, sb, se, src->element, iset, persons);
      }
    }
    if (!sources[v].empty()) sources[k] = sources[v];
  }
  for (std::size_t k = 0; k < refs.size(); ++k) {
    if (!sources[k].empty() && decisions[k].category == Category::reported) refs[k].s->attrs.set("source", sources[k]);
    if (options.explain) {
      std::string line = explain_line(refs[k], decisions[k], covered_by[k]);
      if (!sources[k].empty()) line += "    source: " + sources[k] + "\n";
      *options.explain << line;
    }
  }

  if (profile) {
    auto t_end = Clock::now();
    auto sec = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    const MorphCost& m = morph_cost();
    double morph_s = static_cast<double>(m.nanoseconds - morph_before.nanoseconds) / 1e9;
    std::size_t text_bytes = 0;
    for (auto& r : refs) text_bytes += r.s->text.size();
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "jatei-claims: %zu sentences, %.1f MB of text: normalising %.3f s; classifying %.3f s, of which MeCab "
                  "%.3f s on %zu windows (%.1f MB, %.0f%% of the text; %zu more windows seen before, from the cache); "
                  "quotations, sources, dates, numbers, names and markup %.3f s\n",
                  refs.size(), static_cast<double>(text_bytes) / 1e6, sec(t0, t_normalised), sec(t_normalised, t_classified),
                  morph_s, m.calls - morph_before.calls, static_cast<double>(m.bytes - morph_before.bytes) / 1e6,
                  text_bytes ? 100.0 * static_cast<double>(m.bytes - morph_before.bytes) / static_cast<double>(text_bytes) : 0.0,
                  m.cached - morph_before.cached, sec(t_classified, t_end));
    std::fputs(buf, stderr);
  }

  // Header: the taxonomies (replacing an earlier run's) and the application.
  auto tax = taxonomies();
  std::erase_if(doc.header.taxonomies, [&](const Taxonomy& t) {
    return std::any_of(tax.begin(), tax.end(), [&](const Taxonomy& x) { return x.id == t.id; });
  });
  for (auto& t : tax) doc.header.taxonomies.push_back(std::move(t));
  doc.add_application(kIdent, kVersion);
}

}  // namespace jatei::claims

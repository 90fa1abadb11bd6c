// The claims stage: every sentence gets its category, its decisive cue, and its dates, numbers
// and names; hedges that cover earlier sentences point at them. The passes over the document
// and the files that make them: discourse.hpp. (What the stage owns and removes before it runs
// again, so that a second run gives the same bytes: markup.cpp.)
#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <thread>
#include <unordered_map>

#include "claims/discourse.hpp"
#include "core/beside.hpp"
#include "claims/source.hpp"
#include "jatei/claims.hpp"
#include "jatei/text.hpp"
#include "jatei/segment.hpp"
#include "text/morph.hpp"

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

// A heading opened by a question's mark (Q. Q1: after NFKC, Ｑ．too): an FAQ's question, whatever
// the headings around it (a page that groups its questions under topic headings).
bool q_marked(std::string_view n) {
  while (!n.empty() && n.front() == ' ') n.remove_prefix(1);
  if (n.empty() || n.front() != 'Q') return false;
  std::size_t i = 1;
  while (i < n.size() && n[i] >= '0' && n[i] <= '9') ++i;
  return i < n.size() && (n[i] == '.' || n[i] == ':');
}

// A heading that may ask (its last sentence ends in ？ or か) whose nearest heading before or
// after it may ask too, or that a question's mark opens: the questions of an FAQ, each over its
// answer. (A division that starts with such a heading is never cut from the one before:
// starts_apart.)
std::vector<char> faq_headings(const Pass& pass) {
  const auto& refs = pass.refs;
  std::vector<std::size_t> heads;  // the last sentence of each heading leaf
  for (std::size_t k = 0; k < refs.size(); ++k)
    if (refs[k].block->kind == BlockKind::head && (k + 1 == refs.size() || refs[k + 1].leaf != refs[k].leaf)) heads.push_back(k);
  std::vector<char> asks(heads.size());
  for (std::size_t h = 0; h < heads.size(); ++h) asks[h] = may_ask(pass.norms[heads[h]].text);
  std::vector<char> faq(refs.size(), 0);
  for (std::size_t h = 0; h < heads.size(); ++h) {
    if (!asks[h]) continue;
    std::size_t first = heads[h];
    while (first > 0 && refs[first - 1].leaf == refs[heads[h]].leaf) --first;
    if (!q_marked(pass.norms[first].text) && !((h > 0 && asks[h - 1]) || (h + 1 < heads.size() && asks[h + 1])))
      continue;
    for (std::size_t k = heads[h] + 1; k-- > 0 && refs[k].leaf == refs[heads[h]].leaf;) faq[k] = 1;
  }
  return faq;
}

// Each sentence on its own, on two threads for a large document (each thread has its own MeCab
// tagger; the decisions are the same as on one). A sentence met before in the same context (a
// site's furniture, a repeated line) gets the decision it got then: classify depends on nothing
// else. JATEI_CLAIMS_CACHE=0 turns this, the names and numbers of a sentence met before and the
// MeCab window cache off (make bench measures both ways).
// (JATEI_PROFILE runs on one thread, so that the MeCab time it reports is all of it.)
//
// There are two caches (`caches`, kept from part to part), and a sentence's key (its text and
// context) decides which one it is looked up in, and so which thread classifies it: each
// repeated sentence is classified once, however the work is shared. (Sharing the sentences out
// in chunks, as before, left each thread to meet, and classify, the repeats of the other's: on
// the bench corpus, two threads cost a third more processor time than one.) The second thread
// (`second`) is kept from part to part too, and with it its MeCab tagger and window cache.
template <typename Context>
void classify_all(Pass& pass, const Context& context, const Lexicon& lex, bool use_cache, bool profile,
                  std::array<DecisionCache, 2>& caches, SecondThread& second) {
  const auto& refs = pass.refs;
  auto& decisions = pass.decisions;
  const bool two = !profile && refs.size() >= 1024 && std::thread::hardware_concurrency() > 1;
  if (!use_cache) {
    std::atomic<std::size_t> next_chunk{0};
    constexpr std::size_t kChunk = 64;
    auto work = [&] {
      for (std::size_t a = next_chunk.fetch_add(kChunk); a < refs.size(); a = next_chunk.fetch_add(kChunk))
        for (std::size_t k = a; k < std::min(refs.size(), a + kChunk); ++k)
          decisions[k] = classify(refs[k].s->text, pass.norms[k], context(k), lex);
    };
    if (two) second.run(work, work);
    else work();
    return;
  }
  // Each sentence's key, and the sentences of each cache in document order.
  std::vector<std::string> keys(refs.size());
  std::array<std::vector<std::size_t>, 2> shard;
  for (std::size_t k = 0; k < refs.size(); ++k) {
    SentenceContext ctx = context(k);
    std::string& key = keys[k];
    key.reserve(refs[k].s->text.size() + ctx.block.size() + ctx.division.size() + 6);
    key.assign(refs[k].s->text);
    key += '\0';
    key += ctx.block;
    key += '\0';
    key += ctx.division;
    key += ctx.asker ? "\1" : "\2";
    key += ctx.procedure ? "\1" : "\2";
    key += ctx.spoken ? "\1" : "\2";
    key += ctx.faq ? "\1" : "\2";
    shard[(std::hash<std::string>{}(key) >> 17) & 1].push_back(k);
  }
  auto work = [&](std::size_t c) {
    constexpr std::size_t kSeen = 1 << 16;
    DecisionCache& seen = caches[c];
    for (std::size_t k : shard[c]) {
      if (auto it = seen.find(keys[k]); it != seen.end()) {
        decisions[k] = it->second;
        continue;
      }
      decisions[k] = classify(refs[k].s->text, pass.norms[k], context(k), lex);
      if (seen.size() >= kSeen) seen.clear();
      seen.emplace(std::move(keys[k]), decisions[k]);
    }
  };
  if (two) second.run([&] { work(1); }, [&] { work(0); });
  else {
    work(0);
    work(1);
  }
}

// The sentences of a quotation block the sentence before it introduces, which need that
// sentence's decision: classified again as someone's words.
template <typename Context>
void introduced_blocks(Pass& pass, const Context& context, const Lexicon& lex) {
  const auto& refs = pass.refs;
  for (std::size_t k = 0; k < refs.size(); ++k) {
    const Ref& r = refs[k];
    if (r.block->kind != BlockKind::quote) continue;
    // The sentence just before the quotation block.
    std::size_t j = k;
    while (j > 0 && refs[j - 1].block == r.block) --j;
    if (j > 0 && introduces_quote(pass.norms[j - 1].text, pass.decisions[j - 1])) {
      SentenceContext ctx = context(k);
      ctx.introduced_quote = true;
      pass.decisions[k] = classify(r.s->text, pass.norms[k], ctx, lex);
      // whose words they are: the introducer's source (not a sentence after the block that
      // would point back at them)
      if (pass.decisions[k].category == Category::reported) pass.voiced_by[k] = static_cast<std::ptrdiff_t>(j - 1);
    }
  }
}

// A sentence that only hedges what came before covers the sentences it hedges (at most three
// of its paragraph, or the end of the speaker's previous paragraph): they become speculation
// and it points at them with @corresp.
void cover_hedged(Pass& pass) {
  auto& refs = pass.refs;
  auto& decisions = pass.decisions;
  pass.covered_by.assign(refs.size(), std::string());
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
      pass.covered_by[c] = refs[k].s->id;
    }
    if (!corresp.empty()) refs[k].s->attrs.set("corresp", corresp);
  }
}

// JATEI_PROFILE: where the time goes, summed over the parts of a document.
struct Profile {
  std::size_t sentences = 0, text_bytes = 0;
  double normalising = 0, classifying = 0, rest = 0;
  text::MorphCost before = text::morph_cost();

  void print() const {
    const text::MorphCost& m = text::morph_cost();
    double morph_s = static_cast<double>(m.nanoseconds - before.nanoseconds) / 1e9;
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "jatei-claims: %zu sentences, %.1f MB of text: normalising %.3f s; classifying %.3f s, of which MeCab "
                  "%.3f s on %zu windows (%.1f MB, %.0f%% of the text; %zu more windows seen before, from the cache); "
                  "quotations, sources, dates, numbers, names and markup %.3f s\n",
                  sentences, static_cast<double>(text_bytes) / 1e6, normalising, classifying, morph_s,
                  m.calls - before.calls, static_cast<double>(m.bytes - before.bytes) / 1e6,
                  text_bytes ? 100.0 * static_cast<double>(m.bytes - before.bytes) / static_cast<double>(text_bytes) : 0.0,
                  m.cached - before.cached, rest);
    std::fputs(buf, stderr);
  }
};

}  // namespace

// What one part of a document leaves to the next.
struct Parts::State {
  Options options;
  bool under_procedure = false;  // procedure_steps: the last heading named a procedure
  std::array<DecisionCache, 2> decisions;  // classify_all's, a sentence's key says which
  MentionCache mentions;                   // mark_up's
  DateContext page;                        // mark_up's: the year and month of the page's dateline
  std::optional<Profile> profile;
  SecondThread second;  // classify_all's, with its thread_local MeCab tagger and window cache
};

Parts::Parts(const Options& options) : state_(std::make_unique<State>()) {
  state_->options = options;
  if (std::getenv("JATEI_PROFILE")) state_->profile.emplace();
}

Parts::~Parts() = default;

void Parts::header(Document& doc) const {
  // The taxonomies (replacing an earlier run's) and the application.
  auto tax = taxonomies();
  std::erase_if(doc.header.taxonomies, [&](const Taxonomy& t) {
    return std::any_of(tax.begin(), tax.end(), [&](const Taxonomy& x) { return x.id == t.id; });
  });
  for (auto& t : tax) doc.header.taxonomies.push_back(std::move(t));
  doc.add_application(kIdent, kVersion);
}

bool Parts::cut_before(const Division& next) const {
  if (next.is_translation()) return false;
  for (auto& turn : next.turns)
    for (auto& block : turn.blocks)
      for (auto& leaf : block.leaves) {
        std::vector<Normalised> first;
        for (auto& p : leaf.pieces)
          if (p.kind == Piece::Kind::sentence) first.push_back(normalise(p.sentence.text));
        if (!first.empty()) return starts_apart(block.kind, first);
      }
  return false;  // no sentence: what decides is the division after it
}

void Parts::annotate(Document& doc) {
  const Options& options = state_->options;
  const Lexicon& lex = options.lexicon ? *options.lexicon : Lexicon::builtin();
  const Gazetteer& gaz = options.gazetteer ? *options.gazetteer : Gazetteer::builtin();

  Pass pass;
  std::size_t leaf_no = 0;
  for (auto& div : doc.divisions) {
    if (div.type == "translation") continue;
    for (auto& turn : div.turns)
      for (auto& block : turn.blocks)
        for (auto& leaf : block.leaves) {
          for (auto& p : leaf.pieces)
            if (p.kind == Piece::Kind::sentence) pass.refs.push_back({&p.sentence, &div, &turn, &block, &leaf, leaf_no});
          ++leaf_no;
        }
  }
  const std::vector<Ref>& refs = pass.refs;

  static const bool use_cache = [] {
    const char* e = std::getenv("JATEI_CLAIMS_CACHE");
    return !(e && std::string_view(e) == "0");
  }();
  const bool profile = state_->profile.has_value();
  using Clock = std::chrono::steady_clock;
  auto t0 = Clock::now();
  std::vector<std::vector<std::string>> other_tokens(refs.size());
  for (std::size_t k = 0; k < refs.size(); ++k) other_tokens[k] = strip_own(*refs[k].s);

  pass.norms.resize(refs.size());
  for (std::size_t k = 0; k < refs.size(); ++k) pass.norms[k] = normalise(refs[k].s->text);

  auto t_normalised = Clock::now();
  std::vector<char> askers = asking_turns(doc, pass, lex);
  std::vector<char> procedure = procedure_steps(pass, lex, state_->under_procedure);

  std::vector<char> faq = faq_headings(pass);

  pass.decisions.resize(refs.size());
  auto context = [&](std::size_t k) {
    const Ref& r = refs[k];
    SentenceContext ctx;
    ctx.block = std::string(to_string(r.block->kind));
    ctx.division = r.div->type;
    ctx.asker = askers[k];
    ctx.procedure = procedure[k];
    ctx.spoken = r.turn && r.turn->spoken();
    ctx.faq = faq[k];
    return ctx;
  };
  classify_all(pass, context, lex, use_cache, profile, state_->decisions, state_->second);
  pass.voiced_by.assign(refs.size(), -1);
  introduced_blocks(pass, context, lex);

  auto t_classified = Clock::now();
  voiced_quotations(pass, lex);
  cover_hedged(pass);
  mark_up(pass, doc, gaz, lex, other_tokens, use_cache, state_->mentions, state_->page);
  if (options.explain)
    for (std::size_t k = 0; k < refs.size(); ++k) {
      std::string line = explain_line(refs[k], pass.decisions[k], pass.covered_by[k]);
      if (!pass.sources[k].empty()) line += "    source: " + pass.sources[k] + "\n";
      *options.explain << line;
    }

  if (profile) {
    auto sec = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    Profile& p = *state_->profile;
    p.sentences += refs.size();
    for (auto& r : refs) p.text_bytes += r.s->text.size();
    p.normalising += sec(t0, t_normalised);
    p.classifying += sec(t_normalised, t_classified);
    p.rest += sec(t_classified, Clock::now());
  }
}

void Parts::finish() {
  if (state_->profile) state_->profile->print();
}

void annotate(Document& doc, const Options& options) {
  Parts parts(options);
  parts.annotate(doc);
  parts.finish();
  parts.header(doc);
}

}  // namespace jatei::claims

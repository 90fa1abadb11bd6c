// Claims for fact-checkers: one record per sentence to check, check-worthy ones first, with
// who said it and how sure that attribution is, its factuality and cue, the checkable details
// with their normalised values (what jatei-claims put in @when, @value, @quantity/@unit), the
// sentence before it for context, and the article it comes from.
//
// Speculation is listed (flagged as such). ClaimReview carries the reviews a checker gave (one
// per verdict merged back by jatei-merge verdicts), never an unrated skeleton.
#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <stdexcept>

#include "export/survey.hpp"
#include "export/view.hpp"
#include "jatei/error.hpp"
#include "jatei/export.hpp"

namespace jatei {
namespace {

// Whether a sentence is listed (checkworthy ones first, then these others).
bool taken(const xp::SentenceInfo& si, const ExportOptions& o, bool has_claims, bool for_review) {
  if (o.all_sentences || !has_claims) return true;
  if (for_review) return si.checkworthy || si.factuality == "fact" || si.factuality == "reported";
  return si.checkworthy || si.factuality == "fact" || si.factuality == "reported" || si.factuality == "speculation";
}

// What a record needs besides its sentence: the document's facts and the sentences near it
// (`at(k)`: the sentence of index k while it is at hand, nullptr past the end), from the view of
// the whole document or from a read a few sentences at a time.
struct Ctx {
  const xp::SourceInfo& source;
  const std::vector<Person>& persons;
  const std::vector<xp::Verdict>& verdicts;
  bool has_claims;
  std::function<const xp::SentenceInfo*(std::size_t)> at;
};

std::string name_kind(const std::string& element, const std::string& type) {
  if (element == "persName") return "person";
  if (element == "orgName") return "organisation";
  if (element == "placeName") return "place";
  return type.empty() ? "name" : type;
}

bool is_money(const xp::Mention& m) { return m.element() == "measure" && m.attr("type") == "currency"; }

// The mentions of a kind: dates, numbers (num and non-currency measures), money, names.
std::vector<const xp::Mention*> kind(const xp::SentenceInfo& si, std::string_view k) {
  std::vector<const xp::Mention*> out;
  for (auto& m : si.mentions) {
    const std::string& e = m.element();
    bool hit = (k == "dates" && (e == "date" || e == "time")) ||
               (k == "numbers" && (e == "num" || (e == "measure" && !is_money(m)))) || (k == "money" && is_money(m)) ||
               (k == "names" && (e == "persName" || e == "orgName" || e == "placeName" || e == "name"));
    if (hit) out.push_back(&m);
  }
  return out;
}

// "value" of a mention for CSV: its normalised value in one short string.
std::string value_of(const xp::Mention& m) {
  const std::string& e = m.element();
  auto a = [&](const char* n) { return m.attr(n); };
  if (e == "date" || e == "time") {
    if (!a("when").empty()) return a("when");
    std::string from = !a("from").empty() ? a("from") : a("notBefore");
    std::string to = !a("to").empty() ? a("to") : a("notAfter");
    if (!from.empty() || !to.empty()) return from + "/" + to;
    std::string rel = a("type");
    if (!a("subtype").empty()) rel += (rel.empty() ? "" : ":") + a("subtype");
    return rel;
  }
  if (e == "num") {
    if (!a("value").empty()) return a("value") + (a("type") == "percent" ? "%" : "");
    if (!a("atLeast").empty() || !a("atMost").empty()) return a("atLeast") + ".." + a("atMost");
    return a("type");
  }
  if (e == "measure") {
    std::string q = a("quantity");
    if (q.empty() && (!a("atLeast").empty() || !a("atMost").empty())) q = a("atLeast") + ".." + a("atMost");
    std::string u = a("unit");
    return q.empty() ? u : q + (u.empty() ? "" : " " + u);
  }
  return name_kind(e, a("type"));
}

std::string join_mentions(const std::vector<const xp::Mention*>& ms) {
  std::string out;
  for (auto* m : ms) {
    if (!out.empty()) out += "; ";
    std::string v = value_of(*m);
    out += m->text;
    if (!v.empty()) out += "=" + v;
  }
  return out;
}

std::string json_attrs(const xp::Mention& m) {
  std::string out = "{\"text\":" + xp::json_string(m.text);
  if (m.element() == "persName" || m.element() == "orgName" || m.element() == "placeName" || m.element() == "name")
    out += ",\"kind\":" + xp::json_string(name_kind(m.element(), m.attr("type")));
  else
    out += ",\"element\":" + xp::json_string(m.element());
  for (auto& a : m.span->attrs.list()) {
    if (a.name == "xml:id") continue;
    out += "," + xp::json_string(a.name) + ":" + xp::json_string(a.value);
  }
  return out + "}";
}

std::string json_list(const std::vector<const xp::Mention*>& ms) {
  std::string out = "[";
  for (std::size_t i = 0; i < ms.size(); ++i) out += (i ? "," : "") + json_attrs(*ms[i]);
  return out + "]";
}

std::string json_strings(const std::vector<std::string>& v) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + xp::json_string(v[i]);
  return out + "]";
}

const xp::SentenceInfo* previous(const Ctx& v, const xp::SentenceInfo& si) {
  return si.index == 0 ? nullptr : v.at(si.index - 1);
}

std::vector<const xp::Verdict*> verdicts_of(const Ctx& v, const std::string& id) {
  std::vector<const xp::Verdict*> out;
  for (auto& vd : v.verdicts)
    if (std::find(vd.targets.begin(), vd.targets.end(), id) != vd.targets.end()) out.push_back(&vd);
  return out;
}

std::string cue_text(const xp::SentenceInfo& si) {
  std::string out;
  for (auto* c : si.cues()) out += (out.empty() ? "" : "; ") + c->text;
  return out;
}

// The sentence's line of JSON Lines, its rank given.
std::string jsonl_record(const Ctx& v, const xp::SentenceInfo* si, std::size_t rank) {
  std::string source = "{\"title\":" + xp::json_string(v.source.title) + ",\"file\":" + xp::json_string(v.source.file) +
                       ",\"sha256\":" + xp::json_string(v.source.sha256) + ",\"url\":" + xp::json_string(v.source.url) +
                       ",\"date\":" + xp::json_string(v.source.date) + "}";
  {
    std::string r = "{\"id\":" + xp::json_string(si->s->id) + ",\"rank\":" + std::to_string(rank) +
                    ",\"checkworthy\":" + (si->checkworthy ? "true" : "false") +
                    ",\"factuality\":" + xp::json_string(si->factuality) + ",\"cues\":[";
    bool first = true;
    for (auto* c : si->cues()) {
      r += std::string(first ? "" : ",") + "{\"text\":" + xp::json_string(c->text) + ",\"class\":" +
           xp::json_string(c->attr("subtype")) + "}";
      first = false;
    }
    r += "],\"speaker\":";
    if (si->speakers.empty()) {
      r += "null";
    } else {
      r += "{\"id\":" + xp::json_string(si->speakers.front()) + ",\"name\":" + xp::json_string(xp::speaker_name(v.persons, *si)) +
           ",\"role\":" + xp::json_string(xp::speaker_role(v.persons, *si)) + ",\"certainty\":" + xp::json_string(si->turn->cert) + "}";
    }
    auto said = xp::claim_source(v.persons, *si, v.at);
    r += ",\"said_by\":";
    r += said.id.empty() ? "null"
                         : "{\"id\":" + xp::json_string(said.id) + ",\"name\":" + xp::json_string(said.name) +
                               ",\"kind\":" + xp::json_string(said.kind) + "}";
    r += ",\"text\":" + xp::json_string(si->s->text);
    r += ",\"dates\":" + json_list(kind(*si, "dates"));
    r += ",\"numbers\":" + json_list(kind(*si, "numbers"));
    r += ",\"money\":" + json_list(kind(*si, "money"));
    r += ",\"names\":" + json_list(kind(*si, "names"));
    r += ",\"hedged_by\":" + json_strings(si->hedged_by);
    r += ",\"covers\":" + json_strings(si->covers);
    const xp::SentenceInfo* prev = previous(v, *si);
    r += ",\"previous\":";
    r += prev ? "{\"id\":" + xp::json_string(prev->s->id) + ",\"text\":" + xp::json_string(prev->s->text) + "}" : "null";
    r += ",\"source\":" + source;
    r += ",\"verdicts\":[";
    first = true;
    for (auto* vd : verdicts_of(v, si->s->id)) {
      r += std::string(first ? "" : ",") + "{\"rating\":" + xp::json_string(vd->rating) + ",\"note\":" +
           xp::json_string(vd->text) + ",\"reviewer\":" + xp::json_string(vd->reviewer) + ",\"url\":" +
           xp::json_string(vd->url) + ",\"date\":" + xp::json_string(vd->date) + "}";
      first = false;
    }
    r += "]}\n";
    return r;
  }
}

// A CSV field: always quoted; a leading = + - @ (what a spreadsheet would run as a formula) gets
// an apostrophe in front, the usual guard against formula injection.
std::string csv_field(std::string_view s) {
  std::string out = "\"";
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
    out.push_back('\'');
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

// The CSV's header row (with the byte order mark).
std::string csv_head() {
  static const char* columns[] = {"id", "rank", "checkworthy", "factuality", "cue", "speaker", "speaker_role",
                                  "speaker_certainty", "said_by", "text", "dates", "numbers", "money", "names", "hedged_by",
                                  "previous_id", "previous_text", "source_title", "source_file", "source_url",
                                  "rating", "note", "reviewer", "url"};
  std::string out = "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < std::size(columns); ++i) out += (i ? "," : "") + csv_field(columns[i]);
  out += "\r\n";
  return out;
}

// The sentence's row of the CSV, its rank given.
std::string csv_record(const Ctx& v, const xp::SentenceInfo* si, std::size_t rank) {
  std::string out;
  {
    const xp::SentenceInfo* prev = previous(v, *si);
    auto verdicts = verdicts_of(v, si->s->id);
    const xp::Verdict* vd = verdicts.empty() ? nullptr : verdicts.front();
    std::string hedged;
    for (auto& h : si->hedged_by) hedged += (hedged.empty() ? "" : " ") + h;
    std::vector<std::string> f = {si->s->id,
                                  std::to_string(rank),
                                  si->checkworthy ? "yes" : "no",
                                  si->factuality,
                                  cue_text(*si),
                                  xp::speaker_name(v.persons, *si),
                                  xp::speaker_role(v.persons, *si),
                                  si->speakers.empty() ? "" : si->turn->cert,
                                  xp::claim_source(v.persons, *si, v.at).name,
                                  si->s->text,
                                  join_mentions(kind(*si, "dates")),
                                  join_mentions(kind(*si, "numbers")),
                                  join_mentions(kind(*si, "money")),
                                  join_mentions(kind(*si, "names")),
                                  hedged,
                                  prev ? prev->s->id : "",
                                  prev ? prev->s->text : "",
                                  v.source.title,
                                  v.source.file,
                                  v.source.url,
                                  vd ? vd->rating : "",
                                  vd ? vd->text : "",
                                  vd ? vd->reviewer : "",
                                  vd ? vd->url : ""};
    for (std::size_t i = 0; i < f.size(); ++i) out += (i ? "," : "") + csv_field(f[i]);
    out += "\r\n";
  }
  return out;
}

// A rating scale, worst first: value -> name ("0=False" or "False", counted from 1).
struct Scale {
  std::vector<std::pair<long, std::string>> steps;
  long worst = 0, best = 0;

  explicit Scale(const std::vector<std::string>& entries) {
    long next = 1;
    for (auto& e : entries) {
      std::string name = e;
      long value = next;
      std::size_t eq = e.find('=');
      if (eq != std::string::npos) {
        std::string num = e.substr(0, eq);
        std::size_t used = 0;
        try {
          value = std::stol(num, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (num.empty() || used != num.size())
          throw DataError("rating scale: '" + num + "' is not a whole number (write VALUE=NAME or NAME)");
        name = e.substr(eq + 1);
      }
      if (xp::squash_space(name).empty()) throw DataError("rating scale: an entry without a name");
      for (auto& [v, n] : steps)
        if (v == value || lower(n) == lower(name)) throw DataError("rating scale: '" + e + "' given twice");
      steps.emplace_back(value, name);
      next = value + 1;
    }
    if (steps.empty()) return;
    worst = best = steps.front().first;
    for (auto& st : steps) {
      worst = std::min(worst, st.first);
      best = std::max(best, st.first);
    }
  }
  static std::string lower(std::string s) {
    for (auto& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
  }
  // The step a rating names (by name, case-insensitive, or by its value), or nullptr.
  const std::pair<long, std::string>* find(const std::string& rating) const {
    std::string r = lower(xp::squash_space(rating));
    for (auto& st : steps)
      if (lower(st.second) == r || std::to_string(st.first) == r) return &st;
    return nullptr;
  }
};

std::string organisation(const std::string& name, const std::string& url) {
  std::string out = "{\"@type\": \"Organization\", \"name\": " + xp::json_string(name);
  if (!url.empty()) out += ", \"url\": " + xp::json_string(url);
  return out + "}";
}

// The reviews of one sentence (one per verdict with a rating), each after "," or, for the
// first of the file (`first`), after nothing.
std::string claimreview_records(const Ctx& v, const xp::SentenceInfo& si, const ExportOptions& o, const Scale& scale,
                                const std::string& fallback_date, bool& first) {
  std::string appearance_url = o.source_url.empty() ? v.source.url : o.source_url;
  std::string out;
  {
    for (auto* vd : verdicts_of(v, si.s->id)) {
      if (xp::squash_space(vd->rating).empty()) continue;
      std::string r = first ? "\n" : ",\n";
      first = false;
      r += "  {\n    \"@context\": \"https://schema.org\",\n    \"@type\": \"ClaimReview\",\n";
      r += "    \"identifier\": " + xp::json_string(si.s->id) + ",\n";
      if (!vd->url.empty()) r += "    \"url\": " + xp::json_string(vd->url) + ",\n";
      r += "    \"datePublished\": " + xp::json_string(vd->date.empty() ? fallback_date : vd->date) + ",\n";
      if (!o.publisher.empty())
        r += "    \"author\": " + organisation(o.publisher, o.publisher_url) + ",\n";
      else if (!vd->reviewer.empty())
        r += "    \"author\": {\"@type\": \"Person\", \"name\": " + xp::json_string(vd->reviewer) + "},\n";
      r += "    \"claimReviewed\": " + xp::json_string(si.s->text) + ",\n";
      r += "    \"itemReviewed\": {\n      \"@type\": \"Claim\",\n";
      // A reported claim's author is its source (jatei-claims' @source), not whoever reports it.
      if (auto said = xp::claim_source(v.persons, si, v.at); !said.name.empty()) {
        r += std::string("      \"author\": {\"@type\": \"") + (said.kind == "orgName" ? "Organization" : "Person") +
             "\", \"name\": " + xp::json_string(said.name) +
             ", \"description\": \"The source the text names for this reported claim (jatei-claims)\"},\n";
      } else if (!si.speakers.empty() && !xp::speaker_name(v.persons, si).empty()) {
        std::string desc = "Attributed by jatei-speakers";
        if (!si.turn->cert.empty()) desc += " (certainty: " + si.turn->cert + ")";
        r += "      \"author\": {\"@type\": \"Person\", \"name\": " + xp::json_string(xp::speaker_name(v.persons, si)) +
             ", \"description\": " + xp::json_string(desc) + "},\n";
      } else if (!v.source.author.empty()) {
        r += "      \"author\": {\"@type\": \"Person\", \"name\": " + xp::json_string(v.source.author) + "},\n";
      } else if (!v.source.publisher.empty()) {
        r += "      \"author\": " + organisation(v.source.publisher, "") + ",\n";
      }
      if (!v.source.date.empty()) r += "      \"datePublished\": " + xp::json_string(v.source.date) + ",\n";
      r += "      \"inLanguage\": " + xp::json_string(v.source.lang) + ",\n";
      r += "      \"appearance\": {\"@type\": \"CreativeWork\"";
      if (!appearance_url.empty()) r += ", \"url\": " + xp::json_string(appearance_url);
      if (!v.source.title.empty()) r += ", \"headline\": " + xp::json_string(v.source.title);
      if (!v.source.date.empty()) r += ", \"datePublished\": " + xp::json_string(v.source.date);
      r += "}\n    },\n";
      r += "    \"reviewRating\": {\"@type\": \"Rating\"";
      if (auto* step = scale.find(vd->rating)) {
        r += ", \"ratingValue\": " + std::to_string(step->first) + ", \"bestRating\": " + std::to_string(scale.best) +
             ", \"worstRating\": " + std::to_string(scale.worst) + ", \"alternateName\": " + xp::json_string(step->second);
      } else {
        r += ", \"alternateName\": " + xp::json_string(vd->rating);
      }
      if (!vd->text.empty()) r += ", \"ratingExplanation\": " + xp::json_string(vd->text);
      r += "}\n  }";
      out += r;
    }
  }
  return out;
}

}  // namespace

void check_rating_scale(const std::vector<std::string>& rating_scale) { Scale{rating_scale}; }

namespace {

// The document's refusal when jatei-claims never ran on it (export_claims).
void require_classified(bool classified, bool any_sentence) {
  // Without jatei-claims every sentence would come out unclassified and nothing checkworthy: a
  // list that looks empty for the wrong reason. Refuse, and say what to run. (A document another
  // tool classified, with @ana on its sentences but no jatei-claims in its header, is taken.)
  if (!classified && any_sentence)
    throw DataError("the document has not been through jatei-claims (no sentence has a class and its header "
                    "lists no such application): run jatei-claims, or jatei-annotate, on it first");
}

// The output, the sentences handed over by `each_pass(pass, f)`: f on every sentence in document
// order, once per pass (the lists give the checkworthy sentences first, then the others).
using EachPass = std::function<void(int pass, const std::function<void(const xp::SentenceInfo&)>& f)>;

void write_all(const Ctx& c, const ExportOptions& o, bool any_checkworthy, const EachPass& each_pass,
               const std::function<void(std::string_view)>& sink) {
  if (o.claims_format == ClaimsFormat::claimreview) {
    Scale scale(o.rating_scale);
    std::string fallback_date = o.date.empty() ? xp::today() : o.date;
    bool first = true;
    sink("[");
    each_pass(0, [&](const xp::SentenceInfo& si) {
      std::string r = claimreview_records(c, si, o, scale, fallback_date, first);
      if (!r.empty()) sink(r);
    });
    sink(first ? "]\n" : "\n]\n");
    return;
  }
  bool csv = o.claims_format == ClaimsFormat::csv;
  if (csv) sink(csv_head());
  std::size_t rank = 0;
  for (int pass : {0, 1}) {
    if (pass == 0 && !any_checkworthy) continue;
    each_pass(pass, [&](const xp::SentenceInfo& si) {
      if (si.checkworthy != (pass == 0) || !taken(si, o, c.has_claims, false)) return;
      sink(csv ? csv_record(c, &si, ++rank) : jsonl_record(c, &si, ++rank));
    });
  }
}

// ---- a read a few sentences at a time -------------------------------------------------------

// What the records need of the whole document, from a first read: the header's facts, the
// dateline's date, whether it is classified, the hedges that cover each sentence, the verdicts.
class ClaimsSurvey : public xp::Reader {
 public:
  xp::SourceInfo source;
  std::vector<Person> persons;
  std::map<std::string, std::string> resp_names;
  bool classified = false, has_claims = false, any_sentence = false, any_checkworthy = false;
  // A covered id -> the ids of the hedges whose @corresp points at it, and their indexes, in
  // document order, once a pointer.
  std::map<std::string, std::vector<std::string>> hedges_of;
  std::map<std::string, std::vector<std::size_t>> hedge_index;
  std::vector<xp::Verdict> verdicts;

  void begin(const Document& doc) override {
    source = xp::source_info(doc);
    dateline_ = source.date.empty();
    persons = doc.header.persons;
    for (auto& r : doc.header.responsibilities)
      resp_names[r.id] = r.names.empty() ? std::string() : xp::squash_space(r.names.front());
    for (const auto& a : doc.header.applications) classified = classified || a.ident == "jatei-claims";
  }
  void sentences(std::vector<xp::SentenceInfo>&& sis) override {
    for (auto& si : sis) {
      any_sentence = true;
      if (!si.factuality.empty()) has_claims = classified = true;
      if (si.checkworthy) any_checkworthy = true;
      for (auto& c : si.covers) {
        hedges_of[c].push_back(si.s->id);
        hedge_index[c].push_back(si.index);
      }
      // The article's date when the header gives none: its dateline (as xp::View).
      if (dateline_)
        if (std::string d = xp::dateline_date(si); !d.empty()) {
          source.date = std::move(d);
          dateline_ = false;
        }
    }
  }
  void tail(const Document& doc) override {
    for (const FactCheck& fc : doc.standoff.fact_checks) verdicts.push_back(xp::verdict_of(fc, resp_names));
  }
  void restart() override { *this = ClaimsSurvey(); }

 private:
  bool dateline_ = false;
};

// The document read again, each sentence handed on once the eight before it and the seven after
// it are at hand (xp::claim_source looks that far), with its hedged_by filled in.
class Window : public tei::BlockHandler {
 public:
  using Each = std::function<void(const xp::SentenceInfo&, const std::function<const xp::SentenceInfo*(std::size_t)>&)>;
  Window(const ClaimsSurvey& s, Each each) : s_(s), each_(std::move(each)) {}
  void begin(Document&) override {}
  void division(Division&& d) override {
    skip_ = d.is_translation();
    div_ = std::make_shared<const Division>(std::move(d));
  }
  void block(Block&& b, std::size_t) override {
    if (skip_) return;
    auto h = std::make_unique<Held>();
    h->div = div_;
    h->block = std::make_unique<Block>(std::move(b));
    h->sis = xp::infos(*div_, nobody_, std::span<const Block>(h->block.get(), 1), read_);
    hold(std::move(h));
  }
  void turn(Turn&& t) override {
    if (skip_) return;
    auto h = std::make_unique<Held>();
    h->div = div_;
    h->turn = std::make_unique<Turn>(std::move(t));
    h->sis = xp::infos(*div_, *h->turn, h->turn->blocks, read_);
    hold(std::move(h));
  }
  void end(Document&) override {
    ended_ = true;
    flush();
  }
  void restart() override { throw std::logic_error("the TEI block reader started again on a document it streamed before"); }

 private:
  struct Held {
    std::shared_ptr<const Division> div;
    std::unique_ptr<Block> block;
    std::unique_ptr<Turn> turn;
    std::vector<xp::SentenceInfo> sis;
  };
  void hold(std::unique_ptr<Held> h) {
    for (auto& si : h->sis) at_.push_back(&si);
    held_.push_back(std::move(h));
    flush();
  }
  const xp::SentenceInfo* at(std::size_t k) const {
    if (k < base_ || k >= base_ + at_.size()) return nullptr;
    return at_[k - base_];
  }
  void flush() {
    auto near = [this](std::size_t k) { return at(k); };
    while (next_ < read_ && (ended_ || next_ + 8 <= read_)) {
      xp::SentenceInfo& si = *at_[next_ - base_];
      // Only the first sentence of an id is pointed at (xp::View's sentence_index).
      if (!si.s->id.empty())
        if (auto h = s_.hedges_of.find(si.s->id); h != s_.hedges_of.end() && pointed_.insert(si.s->id).second) {
          const auto& index = s_.hedge_index.at(si.s->id);
          for (std::size_t i = 0; i < h->second.size(); ++i)
            if (index[i] != si.index) si.hedged_by.push_back(h->second[i]);
        }
      each_(si, near);
      ++next_;
    }
    // Let go of what lies more than eight sentences behind the next one.
    while (!held_.empty()) {
      auto& front = *held_.front();
      std::size_t n = front.sis.size();
      if (n > 0 && front.sis.back().index + 8 >= next_) break;
      held_.pop_front();
      for (std::size_t i = 0; i < n; ++i) at_.pop_front();
      base_ += n;
    }
  }

  const ClaimsSurvey& s_;
  Each each_;
  std::shared_ptr<const Division> div_;
  const Turn nobody_{};
  bool skip_ = false, ended_ = false;
  std::deque<std::unique_ptr<Held>> held_;
  std::deque<xp::SentenceInfo*> at_;  // the held sentences, by index from base_
  std::size_t base_ = 0, read_ = 0, next_ = 0;
  std::set<std::string> pointed_;
};

}  // namespace

std::string export_claims(const Document& doc, const ExportOptions& options) {
  xp::View v(doc, options);
  bool classified = false;
  for (const auto& a : doc.header.applications) classified = classified || a.ident == "jatei-claims";
  for (const auto& si : v.sentences) classified = classified || !si.factuality.empty();
  require_classified(classified, !v.sentences.empty());
  Ctx c{v.source, v.persons, v.verdicts, v.has_claims,
        [&](std::size_t k) { return k < v.sentences.size() ? &v.sentences[k] : nullptr; }};
  bool any_checkworthy = false;
  for (auto& si : v.sentences) any_checkworthy = any_checkworthy || si.checkworthy;
  std::string out;
  write_all(c, options, any_checkworthy,
            [&](int, const std::function<void(const xp::SentenceInfo&)>& f) {
              for (auto& si : v.sentences) f(si);
            },
            [&](std::string_view piece) { out += piece; });
  return out;
}

void write_claims(std::string_view tei, const std::string& origin, const ExportOptions& options,
                  const std::function<void(std::string_view)>& sink) {
  bool restarted = false;
  ClaimsSurvey s;
  xp::blocks_of(tei, origin, restarted)(s);  // the input's errors first
  if (restarted) {  // a layout the block reader takes only whole: read whole
    sink(export_claims(tei::read(tei, origin), options));
    return;
  }
  require_classified(s.classified, s.any_sentence);
  Ctx c{s.source, s.persons, s.verdicts, s.has_claims, nullptr};
  write_all(c, options, s.any_checkworthy,
            [&](int, const std::function<void(const xp::SentenceInfo&)>& f) {
              Window w(s, [&](const xp::SentenceInfo& si, const std::function<const xp::SentenceInfo*(std::size_t)>& near) {
                c.at = near;
                f(si);
              });
              tei::read_blocks(tei, origin, w);
            },
            sink);
}

}  // namespace jatei

// Claims for fact-checkers: one record per sentence to check, check-worthy ones first, with
// who said it and how sure that attribution is, its factuality and cue, the checkable details
// with their normalised values (what jatei-claims put in @when, @value, @quantity/@unit), the
// sentence before it for context, and the article it comes from.
//
// Speculation is listed (flagged as such). ClaimReview carries the reviews a checker gave (one
// per verdict merged back by jatei-merge verdicts), never an unrated skeleton.
#include <algorithm>

#include "export/view.hpp"
#include "jatei/error.hpp"
#include "jatei/export.hpp"

namespace jatei {
namespace {

std::vector<const xp::SentenceInfo*> selected(const xp::View& v, const ExportOptions& o, bool for_review) {
  std::vector<const xp::SentenceInfo*> first, rest;
  for (auto& si : v.sentences) {
    bool take;
    if (o.all_sentences || !v.has_claims) take = true;
    else if (for_review) take = si.checkworthy || si.factuality == "fact" || si.factuality == "reported";
    else take = si.checkworthy || si.factuality == "fact" || si.factuality == "reported" || si.factuality == "speculation";
    if (!take) continue;
    (si.checkworthy ? first : rest).push_back(&si);
  }
  first.insert(first.end(), rest.begin(), rest.end());
  return first;
}

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

const xp::SentenceInfo* previous(const xp::View& v, const xp::SentenceInfo& si) {
  return si.index == 0 ? nullptr : &v.sentences[si.index - 1];
}

std::vector<const xp::Verdict*> verdicts_of(const xp::View& v, const std::string& id) {
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

std::string jsonl(const xp::View& v, const ExportOptions& o) {
  std::string out;
  std::size_t rank = 0;
  std::string source = "{\"title\":" + xp::json_string(v.source.title) + ",\"file\":" + xp::json_string(v.source.file) +
                       ",\"sha256\":" + xp::json_string(v.source.sha256) + ",\"url\":" + xp::json_string(v.source.url) +
                       ",\"date\":" + xp::json_string(v.source.date) + "}";
  for (auto* si : selected(v, o, false)) {
    std::string r = "{\"id\":" + xp::json_string(si->s->id) + ",\"rank\":" + std::to_string(++rank) +
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
      r += "{\"id\":" + xp::json_string(si->speakers.front()) + ",\"name\":" + xp::json_string(v.speaker_name(*si)) +
           ",\"role\":" + xp::json_string(v.speaker_role(*si)) + ",\"certainty\":" + xp::json_string(si->turn->cert) + "}";
    }
    auto said = v.claim_source(*si);
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
    out += r;
  }
  return out;
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

std::string csv(const xp::View& v, const ExportOptions& o) {
  static const char* columns[] = {"id", "rank", "checkworthy", "factuality", "cue", "speaker", "speaker_role",
                                  "speaker_certainty", "said_by", "text", "dates", "numbers", "money", "names", "hedged_by",
                                  "previous_id", "previous_text", "source_title", "source_file", "source_url",
                                  "rating", "note", "reviewer", "url"};
  std::string out = "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < std::size(columns); ++i) out += (i ? "," : "") + csv_field(columns[i]);
  out += "\r\n";
  std::size_t rank = 0;
  for (auto* si : selected(v, o, false)) {
    const xp::SentenceInfo* prev = previous(v, *si);
    auto verdicts = verdicts_of(v, si->s->id);
    const xp::Verdict* vd = verdicts.empty() ? nullptr : verdicts.front();
    std::string hedged;
    for (auto& h : si->hedged_by) hedged += (hedged.empty() ? "" : " ") + h;
    std::vector<std::string> f = {si->s->id,
                                  std::to_string(++rank),
                                  si->checkworthy ? "yes" : "no",
                                  si->factuality,
                                  cue_text(*si),
                                  v.speaker_name(*si),
                                  v.speaker_role(*si),
                                  si->speakers.empty() ? "" : si->turn->cert,
                                  v.claim_source(*si).name,
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

std::string claimreview(const xp::View& v, const ExportOptions& o) {
  Scale scale(o.rating_scale);
  std::string fallback_date = o.date.empty() ? xp::today() : o.date;
  std::string appearance_url = o.source_url.empty() ? v.source.url : o.source_url;
  std::string out = "[";
  bool first = true;
  for (auto& si : v.sentences) {
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
      if (auto said = v.claim_source(si); !said.name.empty()) {
        r += std::string("      \"author\": {\"@type\": \"") + (said.kind == "orgName" ? "Organization" : "Person") +
             "\", \"name\": " + xp::json_string(said.name) +
             ", \"description\": \"The source the text names for this reported claim (jatei-claims)\"},\n";
      } else if (!si.speakers.empty() && !v.speaker_name(si).empty()) {
        std::string desc = "Attributed by jatei-speakers";
        if (!si.turn->cert.empty()) desc += " (certainty: " + si.turn->cert + ")";
        r += "      \"author\": {\"@type\": \"Person\", \"name\": " + xp::json_string(v.speaker_name(si)) +
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
  out += first ? "]\n" : "\n]\n";
  return out;
}

}  // namespace

void check_rating_scale(const std::vector<std::string>& rating_scale) { Scale{rating_scale}; }

std::string export_claims(const Document& doc, const ExportOptions& options) {
  xp::View v(doc, options);
  // Without jatei-claims every sentence would come out unclassified and nothing checkworthy: a
  // list that looks empty for the wrong reason. Refuse, and say what to run. (A document another
  // tool classified, with @ana on its sentences but no jatei-claims in its header, is taken.)
  bool classified = false;
  for (const auto& a : doc.header.applications) classified = classified || a.ident == "jatei-claims";
  for (const auto& si : v.sentences) classified = classified || !si.factuality.empty();
  if (!classified && !v.sentences.empty())
    throw DataError("the document has not been through jatei-claims (no sentence has a class and its header "
                    "lists no such application): run jatei-claims, or jatei-annotate, on it first");
  switch (options.claims_format) {
    case ClaimsFormat::jsonl: return jsonl(v, options);
    case ClaimsFormat::csv: return csv(v, options);
    case ClaimsFormat::claimreview: return claimreview(v, options);
  }
  return {};
}

}  // namespace jatei

// A fact-checker's verdicts (CSV or JSON Lines) into the TEI's stand-off annotations.
//
// A verdict is keyed by (sentence, reviewer): merging the same file twice changes nothing, and
// a reviewer who changes their mind replaces their own earlier verdict. The CSV reader accepts
// what a spreadsheet writes (BOM, CRLF, quoted fields with line breaks, comma, semicolon or tab
// separators) and strips the apostrophe jatei-export puts before formula-like cells.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <functional>
#include <optional>
#include <set>
#include <unordered_set>

#include "export/view.hpp"
#include "jatei/error.hpp"
#include "jatei/merge.hpp"
#include "jatei/segment.hpp"
#include "jatei/standoff.hpp"
#include "jatei/tei.hpp"
#include "jatei/utf8.hpp"
#include "tei/xml_input.hpp"
#include "merge/util.hpp"
#include "tei/divisions.hpp"

namespace jatei {
namespace {

struct Row {
  std::size_t line = 0;
  std::map<std::string, std::string> fields;  // canonical column -> value
};

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return std::string(s);
}

std::string lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The canonical name of a column or key, or "" for one we do not read.
std::string canonical(const std::string& name) {
  std::string n = lower(trim(name));
  if (n == "id" || n == "sentence" || n == "sentence_id" || n == "sentence id" || n == "target") return "id";
  if (n == "rating" || n == "verdict") return "rating";
  if (n == "note" || n == "comment" || n == "explanation") return "note";
  if (n == "reviewer" || n == "checker" || n == "author" || n == "resp") return "reviewer";
  if (n == "url" || n == "link") return "url";
  if (n == "date") return "date";
  return "";
}

// ---- CSV ----------------------------------------------------------------------------------

std::vector<Row> read_csv(std::string_view data) {
  // Separator: the one the header line uses (comma, else semicolon, else tab).
  std::size_t eol = data.find('\n');
  std::string_view head = data.substr(0, eol);
  char sep = head.find(',') != std::string_view::npos ? ',' : head.find(';') != std::string_view::npos ? ';' : head.find('\t') != std::string_view::npos ? '\t' : ',';
  std::vector<std::pair<std::size_t, std::vector<std::string>>> records;
  std::size_t line = 1, i = 0;
  while (i < data.size()) {
    std::size_t start_line = line;
    std::vector<std::string> fields;
    std::string field;
    bool in_quotes = false, quoted = false;
    for (;;) {
      if (i >= data.size()) {
        if (in_quotes) throw DataError("unterminated quoted field", start_line, 0);
        fields.push_back(std::move(field));
        break;
      }
      char c = data[i];
      if (in_quotes) {
        if (c == '"') {
          if (i + 1 < data.size() && data[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          in_quotes = false;
          ++i;
          continue;
        }
        if (c == '\n') ++line;
        field.push_back(c);
        ++i;
        continue;
      }
      if (c == '"' && trim(field).empty() && !quoted) {
        field.clear();
        in_quotes = quoted = true;
        ++i;
        continue;
      }
      if (c == sep) {
        fields.push_back(std::move(field));
        field.clear();
        quoted = false;
        ++i;
        continue;
      }
      if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') {
        ++i;
        continue;
      }
      if (c == '\n') {
        ++line;
        ++i;
        fields.push_back(std::move(field));
        break;
      }
      if (quoted && c != ' ' && c != '\t' && c != '\r')
        throw DataError("text after a closing quote (a quote inside a field must be doubled)", line, 0);
      field.push_back(c);
      ++i;
    }
    bool blank = std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return trim(f).empty(); });
    if (!blank) records.emplace_back(start_line, std::move(fields));
  }
  if (records.empty()) return {};
  std::vector<std::string> columns;
  for (auto& h : records.front().second) columns.push_back(canonical(h));
  if (std::find(columns.begin(), columns.end(), "id") == columns.end())
    throw DataError("no id column in the header (id, sentence or sentence_id)", records.front().first, 0);
  if (std::find(columns.begin(), columns.end(), "rating") == columns.end())
    throw DataError("no rating column in the header", records.front().first, 0);
  std::vector<Row> rows;
  for (std::size_t r = 1; r < records.size(); ++r) {
    Row row;
    row.line = records[r].first;
    auto& f = records[r].second;
    if (f.size() > columns.size() && std::any_of(f.begin() + static_cast<std::ptrdiff_t>(columns.size()), f.end(),
                                                 [](const std::string& x) { return !trim(x).empty(); }))
      throw DataError("more fields (" + std::to_string(f.size()) + ") than columns (" + std::to_string(columns.size()) + ")",
                      row.line, 0);
    for (std::size_t k = 0; k < columns.size() && k < f.size(); ++k) {
      if (columns[k].empty()) continue;
      std::string v = trim(f[k]);
      // The formula guard jatei-export adds ('=…, '+…, '-…, '@…).
      if (v.size() > 1 && v[0] == '\'' && (v[1] == '=' || v[1] == '+' || v[1] == '-' || v[1] == '@')) v.erase(0, 1);
      row.fields[columns[k]] = v;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// ---- JSON Lines ---------------------------------------------------------------------------

// One object of a JSON Lines file, read by nlohmann::json's SAX parser (strict JSON: a bare
// word such as {"id":s5} is an error): its string, number, boolean and null members by
// canonical key (null as "", a number as written); nested arrays and objects are skipped.
class ObjectReader final : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit ObjectReader(std::size_t line) : line_(line) {}
  std::map<std::string, std::string> fields;

  bool null() override { return scalar(std::string()); }
  bool boolean(bool v) override { return scalar(v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return scalar(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return scalar(std::to_string(v)); }
  bool number_float(number_float_t, const string_t& written) override { return scalar(written); }
  bool string(string_t& v) override { return scalar(std::move(v)); }
  bool binary(binary_t&) override { return scalar(std::string()); }
  bool start_object(std::size_t) override { return open(); }
  bool end_object() override { return --depth_, true; }
  bool start_array(std::size_t) override { return depth_ == 0 ? not_an_object() : open(); }
  bool end_array() override { return --depth_, true; }
  bool key(string_t& k) override {
    if (depth_ == 1) key_ = canonical(k);
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    // "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error …": the
    // place is given by the DataError, the words after it are kept.
    std::string what = e.what();
    std::size_t colon = what.find(": ");
    if (colon != std::string::npos) what.erase(0, colon + 2);
    throw DataError("bad JSON: " + what, line_, position);
  }

 private:
  bool open() {
    ++depth_;
    return true;
  }
  bool scalar(std::string v) {
    if (depth_ == 0) return not_an_object();
    if (depth_ == 1 && !key_.empty()) fields[key_] = std::move(v);
    return true;
  }
  [[noreturn]] bool not_an_object() { throw DataError("bad JSON: a line must be one object {…}", line_, 1); }

  std::size_t line_;
  int depth_ = 0;
  std::string key_;
};

std::vector<Row> read_jsonl(std::string_view data) {
  std::vector<Row> rows;
  std::size_t line = 0, i = 0;
  while (i <= data.size()) {
    std::size_t e = data.find('\n', i);
    if (e == std::string_view::npos) e = data.size();
    ++line;
    std::string_view l = data.substr(i, e - i);
    if (!trim(l).empty()) {
      Row row;
      row.line = line;
      ObjectReader reader(line);
      nlohmann::json::sax_parse(l.begin(), l.end(), &reader);
      row.fields = std::move(reader.fields);
      for (auto& [k, v] : row.fields) v = trim(v);
      rows.push_back(std::move(row));
    }
    if (e == data.size()) break;
    i = e + 1;
  }
  return rows;
}

bool temporal(const std::string& d) {
  // YYYY, YYYY-MM, YYYY-MM-DD (what a checker writes; dt.temporal accepts these).
  auto digits = [&](std::size_t b, std::size_t n) {
    return d.size() >= b + n && std::all_of(d.begin() + static_cast<std::ptrdiff_t>(b),
                                            d.begin() + static_cast<std::ptrdiff_t>(b + n),
                                            [](char c) { return c >= '0' && c <= '9'; });
  };
  if (d.size() == 4) return digits(0, 4);
  if (d.size() == 7) return digits(0, 4) && d[4] == '-' && digits(5, 2) && d.substr(5, 2) >= "01" && d.substr(5, 2) <= "12";
  if (d.size() == 10)
    return digits(0, 4) && d[4] == '-' && digits(5, 2) && d[7] == '-' && digits(8, 2) && d.substr(5, 2) >= "01" &&
           d.substr(5, 2) <= "12" && d.substr(8, 2) >= "01" && d.substr(8, 2) <= "31";
  return false;
}

}  // namespace

VerdictErrors::VerdictErrors(std::vector<VerdictProblem> problems)
    : DataError(problems.size() == 1 ? problems.front().message
                                     : std::to_string(problems.size()) + " rows cannot be merged (nothing was merged)",
                problems.empty() ? 0 : problems.front().line),
      problems_(std::move(problems)) {}

namespace {

struct V {
  std::size_t line;
  std::string id, rating, note, reviewer, url, date;
};

// The file's rows, checked against the document's sentences: the verdicts to merge, in file
// order. Rows without a rating are counted in `report`, rows on unknown ids left out there with
// skip_unknown; every other problem is thrown together (VerdictErrors).
std::vector<V> checked_rows(std::string_view data, const std::function<bool(const std::string&)>& is_sentence,
                            const VerdictMergeOptions& options, VerdictMergeReport& report) {
  if (data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
  // What goes into the TEI must be text XML can hold: refuse ill-formed UTF-8 and controls.
  xml_input::check_characters(data);
  std::size_t first = data.find_first_not_of(" \t\r\n");
  bool json = first != std::string_view::npos && data[first] == '{';
  std::vector<Row> rows = json ? read_jsonl(data) : read_csv(data);

  std::vector<V> verdicts;
  std::vector<VerdictProblem> problems;
  for (auto& row : rows) {
    auto get = [&](const char* k) {
      auto it = row.fields.find(k);
      return it == row.fields.end() ? std::string() : it->second;
    };
    V v{row.line, xp::local_id(get("id")), get("rating"), get("note"), get("reviewer"), get("url"), get("date")};
    if (v.id.empty() && v.rating.empty()) continue;
    auto problem = [&](std::string message) { problems.push_back({row.line, v.id, std::move(message)}); };
    if (v.id.empty()) {
      problem("a verdict without a sentence id");
      continue;
    }
    if (!is_sentence(v.id)) {
      VerdictProblem p{row.line, v.id, "'" + v.id + "' is not a sentence of this document (unknown id)"};
      (options.skip_unknown ? report.left : problems).push_back(std::move(p));
      continue;
    }
    if (v.rating.empty()) {
      ++report.skipped;
      continue;
    }
    if (v.reviewer.empty()) v.reviewer = options.reviewer;
    std::size_t before = problems.size();
    if (v.reviewer.empty())
      problem("the verdict on " + v.id + " names no reviewer (fill its reviewer column, or give jatei-merge --reviewer NAME for every row without one)");
    if (!v.url.empty() && v.url.find_first_of(" \t\r\n") != std::string::npos)
      problem("the url '" + v.url + "' contains spaces");
    if (!v.date.empty() && !temporal(v.date))
      problem("the date '" + v.date + "' is not YYYY-MM-DD (or YYYY-MM, YYYY)");
    if (problems.size() == before) verdicts.push_back(std::move(v));
  }
  if (!problems.empty()) throw VerdictErrors(std::move(problems));
  return verdicts;
}

// The verdicts put into a header and a stand-off (copies: the document's own change only when
// something changed): each reviewer declared, each verdict added or updated. `used` says
// whether an id is taken outside the header (the body, the stand-off as read); the header's own
// ids, those declared here included, are asked of the header as it stands. True when anything
// changed.
bool put_verdicts(Header& header, StandOff& standoff, const std::vector<V>& verdicts,
                  const std::function<bool(const std::string&)>& used, VerdictMergeReport& report) {
  bool changed = false;
  tei::Putter putter(standoff);  // a look-up a verdict, not a scan of those before it
  for (auto& v : verdicts) {
    std::string resp = mergeutil::declare_resp(header, "fact-check", v.reviewer, "checker", [&](const std::string& id) {
      bool in_header = false;
      mergeutil::ids_of(header, [&](const std::string& h) { in_header = in_header || h == id; });
      return in_header || used(id);
    });
    switch (putter.put({{v.id}, resp, v.rating, xp::slug(v.rating), v.note, v.date, v.url})) {
      case tei::Put::unchanged: ++report.unchanged; continue;
      case tei::Put::updated: ++report.updated; break;
      case tei::Put::added: ++report.added; break;
    }
    changed = true;
  }
  return changed;
}

// The prefix of the reviewers' ids: only ids that start with it can be asked about.
constexpr std::string_view kCheckerPrefix = "checker";

// The ids outside the header that a reviewer's id must not take (all_ids without the header).
template <class Add>
void body_ids(const Document& doc, Add&& add) {
  auto one = [&](const std::string& id) {
    if (!id.empty()) add(id);
  };
  for (auto& d : doc.divisions) {
    one(d.id);
    for (auto& t : d.turns) mergeutil::ids_of(t, one);
  }
  mergeutil::ids_in_xml(doc.standoff.raw, one);
}

}  // namespace

VerdictMergeReport merge_verdicts(Document& doc, std::string_view data, const std::string& origin,
                                  const VerdictMergeOptions& options) {
  (void)origin;
  VerdictMergeReport report;
  std::set<std::string> sentence_ids;
  for (auto* s : std::as_const(doc).sentences())
    if (!s->id.empty()) sentence_ids.insert(s->id);
  std::vector<V> verdicts =
      checked_rows(data, [&](const std::string& id) { return sentence_ids.count(id) > 0; }, options, report);
  std::set<std::string>().swap(sentence_ids);
  if (verdicts.empty()) return report;

  // Work on copies of what changes (the header, the stand-off); the document changes only at
  // the end.
  Header header = doc.header;
  StandOff standoff = doc.standoff;
  std::optional<std::set<std::string>> taken;  // gathered only when a new id is needed
  auto used = [&](const std::string& id) {
    if (!taken) {
      taken.emplace();
      body_ids(doc, [&](const std::string& b) { taken->insert(b); });
    }
    return taken->count(id) > 0;
  };
  if (!put_verdicts(header, standoff, verdicts, used, report)) return report;
  doc.header = std::move(header);
  doc.standoff = std::move(standoff);
  doc.add_application("jatei-merge", kVersion);
  return report;
}

namespace {

// The reader started again on the whole document: the stream is not the way for it.
struct NotStreamed {};

}  // namespace

struct VerdictMerge::Impl {
  std::string_view tei;
  std::string origin;
  bool streamed = true;
  std::optional<Document> whole;  // the document read whole, when the stream is not the way

  // The first read: the source's sentence ids, the ids outside the header that start with
  // kCheckerPrefix, the header and the stand-off.
  std::unordered_set<std::string> sentences;
  std::set<std::string> prefixed;
  Header header;
  StandOff standoff;
  bool changed = false;
};

namespace {

class VerdictSurvey : public tei::DivisionGatherer {
 public:
  explicit VerdictSurvey(VerdictMerge::Impl& m) : m_(m) {}
  void begin(Document& doc) override { m_.header = doc.header; }
  void end(Document& doc) override {
    complete();
    mergeutil::ids_in_xml(doc.standoff.raw, note_);
    m_.standoff = std::move(doc.standoff);
  }
  void restart() override { throw NotStreamed{}; }

 private:
  void whole(Division& d) override {
    if (!d.id.empty()) note_(d.id);
    for (auto& t : d.turns) mergeutil::ids_of(t, note_);
    if (d.is_translation()) return;
    for (auto& t : d.turns)
      for (auto& b : t.blocks)
        for (auto& l : b.leaves)
          for (auto& p : l.pieces)
            if (p.kind == Piece::Kind::sentence && !p.sentence.id.empty()) m_.sentences.insert(p.sentence.id);
  }

  VerdictMerge::Impl& m_;
  mergeutil::IdSink note_ = [this](const std::string& id) {
    if (id.rfind(kCheckerPrefix, 0) == 0) m_.prefixed.insert(id);
  };
};

// The second read: every division written as it was read; the header and the stand-off the
// merge made, when it changed anything.
class VerdictWriter : public tei::DivisionGatherer {
 public:
  VerdictWriter(VerdictMerge::Impl& m, const std::function<void(std::string_view)>& sink) : m_(m), out_(sink) {}
  void begin(Document& doc) override {
    if (m_.changed) {
      doc.header = std::move(m_.header);
      doc.add_application("jatei-merge", kVersion);
    }
    persons_ = doc.header.persons;
    out_.begin(doc);
  }
  void end(Document& doc) override {
    complete();
    if (m_.changed) doc.standoff = std::move(m_.standoff);
    out_.end(doc);
  }
  void restart() override { throw std::logic_error("the TEI block reader started again on a document it streamed before"); }

 private:
  void whole(Division& d) override { out_.division(d, persons_); }

  VerdictMerge::Impl& m_;
  tei::StreamWriter out_;
  std::vector<Person> persons_;
};

}  // namespace

VerdictMerge::VerdictMerge(std::string_view tei, const std::string& origin) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.tei = tei;
  m.origin = origin;
  try {
    VerdictSurvey survey(m);
    tei::read_blocks(tei, origin, survey);
  } catch (const NotStreamed&) {
    m.streamed = false;
    m.sentences.clear();
    m.prefixed.clear();
    m.whole = tei::read(tei, origin);
  }
}

VerdictMerge::~VerdictMerge() = default;

VerdictMergeReport VerdictMerge::merge(std::string_view data, const std::string& origin,
                                       const VerdictMergeOptions& options) {
  Impl& m = *impl_;
  if (m.whole) return merge_verdicts(*m.whole, data, origin, options);
  VerdictMergeReport report;
  std::vector<V> verdicts =
      checked_rows(data, [&](const std::string& id) { return m.sentences.count(id) > 0; }, options, report);
  std::unordered_set<std::string>().swap(m.sentences);
  if (verdicts.empty()) return report;
  m.changed = put_verdicts(m.header, m.standoff, verdicts, [&](const std::string& id) { return m.prefixed.count(id) > 0; },
                           report);
  return report;
}

void VerdictMerge::write(const std::function<void(std::string_view)>& sink) {
  Impl& m = *impl_;
  if (m.whole) {
    tei::write(*m.whole, sink);
    return;
  }
  VerdictWriter w(m, sink);
  tei::read_blocks(m.tei, m.origin, w);
}

}  // namespace jatei

// A fact-checker's verdicts (CSV or JSON Lines) into the TEI's stand-off annotations.
//
// A verdict is keyed by (sentence, reviewer): merging the same file twice changes nothing, and
// a reviewer who changes their mind replaces their own earlier verdict. The CSV reader accepts
// what a spreadsheet writes (BOM, CRLF, quoted fields with line breaks, comma, semicolon or tab
// separators) and strips the apostrophe jatei-export puts before formula-like cells.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "export/view.hpp"
#include "jatei/error.hpp"
#include "jatei/merge.hpp"
#include "jatei/segment.hpp"
#include "jatei/standoff.hpp"
#include "jatei/utf8.hpp"
#include "tei/xml_input.hpp"
#include "merge/util.hpp"

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

VerdictMergeReport merge_verdicts(Document& doc, std::string_view data, const std::string& origin,
                                  const VerdictMergeOptions& options) {
  (void)origin;
  VerdictMergeReport report;
  if (data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
  // What goes into the TEI must be text XML can hold: refuse ill-formed UTF-8 and controls.
  xml_input::check_characters(data);
  std::size_t first = data.find_first_not_of(" \t\r\n");
  bool json = first != std::string_view::npos && data[first] == '{';
  std::vector<Row> rows = json ? read_jsonl(data) : read_csv(data);

  std::set<std::string> sentence_ids;
  for (auto* s : std::as_const(doc).sentences())
    if (!s->id.empty()) sentence_ids.insert(s->id);

  struct V {
    std::size_t line;
    std::string id, rating, note, reviewer, url, date;
  };
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
    if (!sentence_ids.count(v.id)) {
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
  if (verdicts.empty()) return report;

  // Work on a copy; the document changes only at the end.
  Document work = doc;
  bool changed = false;
  for (auto& v : verdicts) {
    std::string resp = mergeutil::declare_resp(work, "fact-check", v.reviewer, "checker");
    switch (tei::put(work.standoff, {{v.id}, resp, v.rating, xp::slug(v.rating), v.note, v.date, v.url})) {
      case tei::Put::unchanged: ++report.unchanged; continue;
      case tei::Put::updated: ++report.updated; break;
      case tei::Put::added: ++report.added; break;
    }
    changed = true;
  }
  if (!changed) return report;
  work.add_application("jatei-merge", kVersion);
  doc = std::move(work);
  return report;
}

}  // namespace jatei

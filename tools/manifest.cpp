#include "manifest.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "jatei/error.hpp"

#include "jatei/export.hpp"

namespace jatei::manifest {

namespace {

void put_string(std::string& out, std::string_view s) { out += json_string(s); }

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", s);
  return buf;
}

void put_counts(std::string& out, const std::map<std::string, std::map<std::string, std::uint64_t>>& counts) {
  out += '{';
  bool first = true;
  for (auto& [stage, figures] : counts) {
    if (!first) out += ',';
    first = false;
    put_string(out, stage);
    out += ":{";
    bool f2 = true;
    for (auto& [k, v] : figures) {
      if (!f2) out += ',';
      f2 = false;
      put_string(out, k);
      out += ':' + std::to_string(v);
    }
    out += '}';
  }
  out += '}';
}

// A line read by nlohmann::json (strict JSON); a syntax error is a DataError naming the column.
nlohmann::json parse_line(const std::string& line) {
  try {
    return nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    // "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error …": the
    // column is said after the words, as the other messages of this file do.
    std::string what = e.what();
    if (std::size_t colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
    throw DataError("manifest: " + what + " at column " + std::to_string(e.byte));
  }
}

const nlohmann::json* member(const nlohmann::json& o, std::string_view k) {
  auto it = o.find(k);
  return it == o.end() ? nullptr : &*it;
}

std::string get_string(const nlohmann::json& o, std::string_view k) {
  const nlohmann::json* v = member(o, k);
  if (!v || v->is_null()) return {};
  if (!v->is_string()) throw DataError("manifest: \"" + std::string(k) + "\" is not a string");
  return v->get<std::string>();
}

// A number of 0 or more (null or absent: 0).
double get_number(const nlohmann::json& o, std::string_view k) {
  const nlohmann::json* v = member(o, k);
  if (!v || v->is_null()) return 0;
  double n = v->is_number() ? v->get<double>() : -1;
  if (!std::isfinite(n) || n < 0) throw DataError("manifest: \"" + std::string(k) + "\" is not a number of 0 or more");
  return n;
}

// A count: a whole number of 0 or more, kept exactly.
std::uint64_t get_count(const nlohmann::json& n, const std::string& what) {
  if (n.is_number_unsigned()) return n.get<std::uint64_t>();
  if (n.is_number() && n.get<double>() >= 0 && std::isfinite(n.get<double>())) return static_cast<std::uint64_t>(n.get<double>());
  throw DataError("manifest: " + what + " is not a number");
}

}  // namespace

std::map<std::string, std::map<std::string, std::uint64_t>> count(const Document& doc,
                                                                  const std::vector<std::string>& stages_run) {
  std::map<std::string, std::map<std::string, std::uint64_t>> c;
  auto ran = [&](std::string_view s) {
    for (auto& n : stages_run)
      if (n == s) return true;
    return false;
  };
  auto sentences = doc.sentences();
  std::uint64_t blocks = 0, turns = 0, labelled = 0;
  for (auto& d : doc.divisions)
    for (auto& t : d.turns) {
      ++turns;
      if (!t.who.empty()) ++labelled;
      blocks += t.blocks.size();
    }
  c["segment"]["blocks"] = blocks;
  c["segment"]["sentences"] = sentences.size();
  if (ran("speakers")) {
    c["speakers"]["participants"] = doc.header.persons.size();
    c["speakers"]["turns"] = labelled;
  }
  if (ran("claims")) {
    auto& cl = c["claims"];
    for (const Sentence* s : sentences) {
      const std::string* ana = s->attrs.get("ana");
      if (!ana || ana->empty()) continue;
      std::string first = ana->substr(0, ana->find(' '));
      if (!first.empty() && first[0] == '#') first.erase(0, 1);
      if (!first.empty()) ++cl[first];
      if (ana->find("#checkworthy") != std::string::npos) ++cl["checkworthy"];
    }
  }
  if (ran("terms")) {
    std::uint64_t terms = 0, glosses = 0;
    for (const Sentence* s : sentences)
      for (auto& sp : s->spans) {
        if (sp.element == "term") ++terms;
        else if (sp.element == "gloss") ++glosses;
      }
    c["terms"]["terms"] = terms;
    c["terms"]["glosses"] = glosses;
  }
  return c;
}

std::string to_json(const Record& r) {
  std::string out = "{\"input\":";
  put_string(out, r.input);
  out += ",\"output\":";
  put_string(out, r.output);
  out += ",\"sha256\":";
  put_string(out, r.sha256);
  out += ",\"status\":";
  put_string(out, r.status);
  out += ",\"exit\":" + std::to_string(r.exit);
  out += ",\"error\":";
  if (r.error.empty()) out += "null";
  else put_string(out, r.error);
  out += ",\"seconds\":" + seconds_text(r.seconds);
  out += ",\"bytes\":" + std::to_string(r.bytes);
  out += ",\"counts\":";
  put_counts(out, r.counts);
  out += '}';
  return out;
}

Record from_json(const std::string& line) {
  nlohmann::json v = parse_line(line);
  if (!v.is_object()) throw DataError("manifest: a line is not a JSON object");
  Record r;
  r.input = get_string(v, "input");
  if (r.input.empty()) throw DataError("manifest: a record without \"input\"");
  r.output = get_string(v, "output");
  r.sha256 = get_string(v, "sha256");
  r.status = get_string(v, "status");
  r.error = get_string(v, "error");
  r.exit = static_cast<int>(get_number(v, "exit"));
  r.seconds = get_number(v, "seconds");
  if (const nlohmann::json* b = member(v, "bytes"); b && !b->is_null()) r.bytes = get_count(*b, "\"bytes\"");
  if (const nlohmann::json* c = member(v, "counts"); c && c->is_object())
    for (auto& [stage, figures] : c->items()) {
      if (!figures.is_object()) throw DataError("manifest: counts of " + stage + " is not an object");
      for (auto& [k, n] : figures.items()) r.counts[stage][k] = get_count(n, "count " + stage + "." + k);
    }
  return r;
}

std::vector<Record> read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<Record> out;
  if (!in) {
    if (errno == ENOENT) return out;
    throw IoError("cannot open " + path + ": " + std::strerror(errno), exit_noinput);
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string all = ss.str();
  std::map<std::string, std::size_t> at;
  std::size_t pos = 0, line_no = 0;
  while (pos < all.size()) {
    std::size_t nl = all.find('\n', pos);
    bool torn = nl == std::string::npos;  // the last line of a writer killed mid-write
    std::string line = all.substr(pos, torn ? std::string::npos : nl - pos);
    pos = torn ? all.size() : nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Record r;
    try {
      r = from_json(line);
    } catch (const DataError& e) {
      if (torn) break;
      throw DataError(path + ": " + e.what(), line_no);
    }
    auto [it, inserted] = at.emplace(r.input, out.size());
    if (inserted) out.push_back(std::move(r));
    else out[it->second] = std::move(r);
  }
  return out;
}

Writer::Writer(const std::string& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) throw IoError("cannot open " + path + ": " + std::strerror(errno), exit_io);
  // A line torn by a killed run (no newline at the end) is cut off, so the file stays whole
  // lines and the next record starts on its own line.
  off_t end = ::lseek(fd_, 0, SEEK_END);
  if (end > 0) {
    int rfd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (rfd < 0) throw IoError("cannot read " + path + ": " + std::strerror(errno), exit_io);
    off_t keep = end;
    char buf[4096];
    bool found = false;
    while (keep > 0 && !found) {
      off_t from = keep > static_cast<off_t>(sizeof buf) ? keep - static_cast<off_t>(sizeof buf) : 0;
      ssize_t n = ::pread(rfd, buf, static_cast<std::size_t>(keep - from), from);
      if (n != keep - from) break;
      if (from + n == end && buf[n - 1] == '\n') { found = true; break; }  // whole lines already
      for (ssize_t i = n - 1; i >= 0; --i)
        if (buf[i] == '\n') {
          keep = from + i + 1;
          found = true;
          break;
        }
      if (!found) keep = from;
    }
    ::close(rfd);
    if (keep != end && ::ftruncate(fd_, keep) != 0)
      throw IoError("cannot write " + path + ": " + std::strerror(errno), exit_io);
  }
}

Writer::~Writer() {
  if (fd_ >= 0) ::close(fd_);
}

void Writer::append(const Record& r) {
  static std::mutex m;
  std::string line = to_json(r) + "\n";
  std::lock_guard<std::mutex> lock(m);
  const char* p = line.data();
  std::size_t left = line.size();
  while (left) {
    ssize_t n = ::write(fd_, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw IoError("cannot write " + path_ + ": " + std::strerror(errno), exit_io);
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

void Summary::add(const Record& r) {
  if (r.status == "failed") {
    ++failed;
    return;
  }
  if (r.status == "skipped") ++skipped;
  ++documents;
  bytes += r.bytes;
  seconds += r.seconds;
  for (auto& [stage, figures] : r.counts)
    for (auto& [k, v] : figures) totals[stage][k] += v;
}

std::string Summary::to_json() const {
  std::string out = "{\"documents\":" + std::to_string(documents) + ",\"failed\":" + std::to_string(failed) +
                    ",\"skipped\":" + std::to_string(skipped) + ",\"bytes\":" + std::to_string(bytes) +
                    ",\"seconds\":" + seconds_text(seconds) + ",\"counts\":";
  put_counts(out, totals);
  out += "}\n";
  return out;
}

std::string Summary::to_text() const {
  auto get = [&](const char* stage, const char* k) -> std::uint64_t {
    auto s = totals.find(stage);
    if (s == totals.end()) return 0;
    auto v = s->second.find(k);
    return v == s->second.end() ? 0 : v->second;
  };
  std::string out = "documents " + std::to_string(documents) + " (" + std::to_string(skipped) +
                    " kept from before), failed " + std::to_string(failed) + ", " + std::to_string(bytes) +
                    " bytes\nsentences " + std::to_string(get("segment", "sentences"));
  if (totals.count("speakers")) out += ", participants " + std::to_string(get("speakers", "participants"));
  if (totals.count("terms")) out += ", terms " + std::to_string(get("terms", "terms"));
  out += "\n";
  if (auto c = totals.find("claims"); c != totals.end()) {
    out += "claims";
    bool first = true;
    for (auto& [k, v] : c->second) {
      out += (first ? " " : ", ") + k + " " + std::to_string(v);
      first = false;
    }
    out += "\n";
  }
  return out;
}

}  // namespace jatei::manifest

// A transcript's timestamps: a run of lines that each open with a time of one shape
// ([00:00:03] …, 00:41:10 …, (12:30) …) followed by what was said, or with a caption's mark of
// a change of speaker (＞＞…, as TV and video captions write it). Such a stamp is an offset
// into the recording, not a list mark and not part of the sentence: the line is read without
// it (its kind, the marks after it), and its first sentence starts after it, so that the stamp
// stays in the paragraph as text outside every <s> (no translator or checker gets it).
#include "segment/plan.hpp"

#include <string>

#include "jatei/text.hpp"
#include "jatei/utf8.hpp"

namespace jatei::seg {

namespace {

// How many lines in a row, each opening with a stamp of one shape, make a transcript.
constexpr std::size_t kMinRun = 3;

bool is_colon(char32_t c) { return c == ':' || c == U'：'; }
bool is_figure(char32_t c) { return (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９'); }

// A stamp at the start of s: one or two figures, then one or two groups of :mm (:ss), the whole
// in brackets or not, then spaces (required without brackets: 10:30から is a time in a sentence).
// Its shape: the bracket family and the number of groups. Returns its length in bytes with the
// spaces after it, and 0 when s does not open with one or nothing follows it.
struct Stamp {
  std::size_t length = 0;
  int shape = 0;
  bool offset = false;
};
Stamp stamp_at(std::string_view s) {
  std::u32string u;
  std::vector<std::size_t> at;
  for (std::size_t i = 0, len = 0; i < s.size() && u.size() < 24; i += len) {
    at.push_back(i);
    u.push_back(utf8::decode(s, i, len));
  }
  at.push_back(s.size());
  auto cp = [&](std::size_t k) { return k < u.size() ? u[k] : U'\0'; };
  std::size_t k = 0;
  int family = text::opens(cp(0));
  bool bracketed = family == 1 || family == 2;
  if (family && !bracketed) return {};
  if (bracketed) ++k;
  std::size_t d = 0;
  while (is_figure(cp(k)) && d < 3) ++k, ++d;
  if (d == 0 || d > 2 || !is_colon(cp(k))) return {};
  int groups = 0;
  while (is_colon(cp(k)) && is_figure(cp(k + 1)) && is_figure(cp(k + 2)) && groups < 3) {
    k += 3;
    ++groups;
  }
  if (groups == 0 || groups > 2 || is_figure(cp(k))) return {};
  if (bracketed) {
    if (text::closes(cp(k)) != family) return {};
    ++k;
  }
  std::size_t spaces = 0;
  while (k < u.size() && is_space(cp(k))) {
    if (cp(k) == '\t') return {};  // the columns of an export (time, name, message): the table's and the labels' rules read them
    ++k, ++spaces;
  }
  if (!bracketed && spaces == 0) return {};
  if (k >= u.size()) return {};  // a time alone on its line: a live blog's entry head
  // An offset into a recording has its seconds (00:41:10) or starts at the hour 0 (00:15);
  // 10:15 alone is a clock time, which a live log's sentence keeps (運転を再開しました is what
  // happened at it).
  bool zero = true;  // every figure before the first colon is 0
  for (std::size_t f = bracketed ? 1 : 0; f < u.size() && is_figure(cp(f)); ++f) zero = zero && (cp(f) == '0' || cp(f) == U'０');
  bool offset = groups == 2 || zero;
  return {at[k], family * 4 + groups, offset};
}

// A caption's mark of a change of speaker at the start of s (＞＞はいどうも…, >> そうですね, ≫…): two
// angles of either width, or ≫, then what is said (not a figure: >>12 answers post 12). Its
// length in bytes with the spaces after it, 0 when s does not open with one.
constexpr int kTurnMark = 99;
Stamp turn_mark_at(std::string_view s) {
  std::size_t i = 0, len = 0;
  char32_t c = utf8::decode(s, i, len);
  if (c == U'≫') {
    i += len;
  } else if (c == '>' || c == U'＞') {
    i += len;
    char32_t d = i < s.size() ? utf8::decode(s, i, len) : U'\0';
    if (d != '>' && d != U'＞') return {};
    i += len;
  } else {
    return {};
  }
  while (i < s.size()) {
    char32_t e = utf8::decode(s, i, len);
    if (!is_space(e)) break;
    i += len;
  }
  if (i >= s.size()) return {};
  char32_t first = utf8::decode(s, i, len);
  if (is_figure(first) || first == '>' || first == U'＞' || first == U'≫') return {};
  return {i, kTurnMark, true};
}

bool reads_like_speech(std::string_view s) {
  for (std::size_t i = 0, len = 0; i < s.size(); i += len) {
    char32_t c = utf8::decode(s, i, len);
    if (c == U'。' || c == U'？' || c == U'！' || c == '?' || c == '!') return true;
  }
  return false;
}

class Transcript : public Pass {
 public:
  explicit Transcript(Plan& p) : Pass(p) {}

  void run() {
    std::vector<Stamp> stamps(lines_.size());
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (lines_[i].kind != LineKind::blank) {
        stamps[i] = stamp_at(lines_[i].content());
        if (!stamps[i].length) stamps[i] = turn_mark_at(lines_[i].content());
      }
    // Runs of nonblank lines (blank lines between them allowed) whose stamps have one shape.
    for (std::size_t i = 0; i < lines_.size();) {
      if (!stamps[i].length) {
        ++i;
        continue;
      }
      std::vector<std::size_t> run{i};
      std::size_t j = next_nonblank(i);
      while (j != npos && stamps[j].length && stamps[j].shape == stamps[i].shape) {
        run.push_back(j);
        j = next_nonblank(j);
      }
      // What follows the stamps is said: most lines hold a sentence's end (a timetable's rows,
      // 10:00　開会式, or a chapter list's do not).
      std::size_t said = 0;
      for (std::size_t k : run) said += reads_like_speech(lines_[k].content().substr(stamps[k].length));
      bool offsets = stamps[run.front()].offset;
      // (a caption's marks of who speaks next say that the lines are said, ended or not)
      if (stamps[i].shape == kTurnMark) said = run.size();
      if (run.size() >= kMinRun && said * 2 >= run.size())
        for (std::size_t k : run) unstamp(k, stamps[k].length, offsets);
      i = run.back() + 1;
    }
  }

 private:
  // Line i read without its stamp (the first `length` bytes of its content).
  // Offsets leave the sentences; a clock time stays the first sentence's (what happened at it).
  void unstamp(std::size_t i, std::size_t length, bool outside) {
    Line& l = lines_[i];
    std::string_view rest = l.content().substr(length);
    std::size_t cut = static_cast<std::size_t>(rest.data() - (text_.data() + l.begin));  // in the line
    l.set_content(rest);
    l.chars = static_cast<std::uint32_t>(count_chars(rest, kMaxCueChars));
    l.kind = classify(rest, l.chars, cues_);
    if (!outside) return;
    // The sentences start after the stamp: a sentence that ends inside it is dropped, the one
    // that holds its end starts where the text does.
    std::vector<Range>& chunk = ranges_[i / Plan::kChunk];
    while (l.r_count > 0 && chunk[l.r_first].second <= cut) ++l.r_first, --l.r_count;
    if (l.r_count > 0 && chunk[l.r_first].first < cut) chunk[l.r_first].first = cut;
  }
};

}  // namespace

void mark_transcript(Plan& plan) { Transcript(plan).run(); }

}  // namespace jatei::seg

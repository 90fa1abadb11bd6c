// Lines -> blocks -> divisions.
//
// Each source line is classified from cue lists (rules file), then neighbouring lines are
// grouped (list items, a quote after its lead-in), each block is given a section (article,
// summary, author, boilerplate), and divisions are cut where the section changes or where TEI's
// content model requires it (a trailer closes its division; byline and head may only open or
// close one).
#include "jatei/segment.hpp"

#include "core/beside.hpp"
#include "segment/plan.hpp"

#include <atomic>
#include <functional>
#include <string>

namespace jatei {
namespace {

using namespace seg;

class Builder {
 public:
  // valid_utf8: the text is known to be well-formed UTF-8 (it was decoded).
  Builder(std::string_view text, const Rules& rules, std::size_t parallel_min_bytes, bool valid_utf8)
      : plan_(text, rules, parallel_min_bytes, valid_utf8) {}

  // Lines, their kinds and sentences, and the blocks they form; then header() and emit().
  //
  // Finding a line, classifying it and splitting it into sentences depend on that line alone:
  // on a large text the lines of the second half of the bytes are done on a second thread
  // meanwhile. The result is the same either way.
  // `beside` (if any) runs on a second thread while the lines are grouped into blocks, the one
  // step that keeps one thread only.
  void plan(const std::function<void()>& beside = {}) {
    find_lines(plan_);
    auto group_all = [&] {
      mark_transcript(plan_);
      mark_lists(plan_);
      mark_furniture(plan_);
      plan_.blocks = group(plan_);
      assign_sections(plan_);
    };
    if (beside && plan_.text.size() >= plan_.parallel_min_bytes) {
      run_beside(beside, group_all);
    } else {
      group_all();
      if (beside) beside();
    }
  }

  void header(Document& doc, const SegmentOptions& opts) const {
    doc.header.title = !opts.title.empty() ? opts.title : !plan_.title.empty() ? plan_.title : opts.source_name;
    doc.header.source_name = opts.source_name;
    doc.root_attrs.set("xml:lang", "ja");
  }

  // Hands out the divisions and blocks in order; returns the text after the last block.
  std::string emit(Emitter& out) { return seg::emit(plan_, out); }

 private:
  Plan plan_;
};

}  // namespace

namespace {

struct DocumentEmitter : Emitter {
  explicit DocumentEmitter(Document& d) : doc(d) {}
  void division(Section s) override {
    Division d;
    d.type = section_name(s);
    d.turns.emplace_back();
    doc.divisions.push_back(std::move(d));
  }
  void block(Block&& b) override { doc.divisions.back().turns.back().blocks.push_back(std::move(b)); }
  tei::IdCounters& ids() override { return counters; }
  Document& doc;
  tei::IdCounters counters;
};

void fill_header(Document& doc, const Decoded& decoded) {
  doc.header.sha256 = decoded.sha256;
  doc.header.encoding = decoded.encoding;
  doc.header.bom = decoded.had_bom;
  doc.header.line_ends = decoded.line_ends;
  if (decoded.replaced)
    doc.header.decoding_note = std::to_string(decoded.replaced) + " invalid byte sequence" +
                               (decoded.replaced == 1 ? "" : "s") + " or characters replaced with U+FFFD";
}

}  // namespace

Document segment_text(std::string_view text, const SegmentOptions& options, bool valid_utf8) {
  const Rules& rules = options.rules ? *options.rules : Rules::builtin();
  Builder builder(text, rules, options.parallel_min_bytes, valid_utf8);
  builder.plan();
  Document doc;
  DocumentEmitter out(doc);
  doc.tail = builder.emit(out);
  builder.header(doc, options);
  doc.add_application("jatei-segment", kVersion);
  return doc;
}

Document segment_text(std::string_view text, const SegmentOptions& options) {
  return segment_text(text, options, false);
}

Document segment(const Decoded& decoded, const SegmentOptions& options) {
  Document doc = segment_text(decoded.view(), options, true);
  fill_header(doc, decoded);
  return doc;
}

namespace {

// segment_to(), and `beside` (if any) on the second thread while the lines are grouped: it
// may fill in the digest the header records.
void segment_to(const Decoded& decoded, const SegmentOptions& options, tei::StreamWriter& writer,
                const std::function<void(Decoded&)>& beside) {
  const Rules& rules = options.rules ? *options.rules : Rules::builtin();
  Builder builder(decoded.view(), rules, options.parallel_min_bytes, true);
  Decoded info;  // what the header says of the source: decoded's, with the digest taken beside
  info.encoding = decoded.encoding;
  info.sha256 = decoded.sha256;
  info.replaced = decoded.replaced;
  info.had_bom = decoded.had_bom;
  info.line_ends = decoded.line_ends;
  if (beside)
    builder.plan([&] { beside(info); });
  else
    builder.plan();
  Document head;
  builder.header(head, options);
  head.add_application("jatei-segment", kVersion);
  fill_header(head, info);
  writer.begin(head);
  StreamEmitter out(writer);
  std::string tail = builder.emit(out);
  out.close();
  writer.end(tail);
}

}  // namespace

void segment_to(const Decoded& decoded, const SegmentOptions& options, tei::StreamWriter& writer) {
  segment_to(decoded, options, writer, {});
}

Decoded segment_bytes_to(std::string_view bytes, DecodeOptions decode_options, const SegmentOptions& options,
                         tei::StreamWriter& writer) {
  decode_options.digest = false;
  Sha256 sha;
  std::size_t hashed = 0;
  Decoded decoded;
  if (bytes.size() >= options.parallel_min_bytes) {
    // The digest goes on a megabyte at a time while decoding lasts; the rest is taken beside
    // grouping.
    std::atomic<bool> done{false};
    run_beside(
        [&] {
          constexpr std::size_t kStep = std::size_t(1) << 20;
          while (!done.load(std::memory_order_relaxed) && bytes.size() - hashed >= kStep) {
            sha.update(bytes.substr(hashed, kStep));
            hashed += kStep;
          }
        },
        [&] {
          try {
            decoded = decode(bytes, decode_options);
          } catch (...) {
            done = true;
            throw;
          }
          done = true;
        });
  } else {
    decoded = decode(bytes, decode_options);
  }
  segment_to(decoded, options, writer, [&](Decoded& info) {
    sha.update(bytes.substr(hashed));
    info.sha256 = sha.hex();
  });
  decoded.sha256 = sha.hex();
  return decoded;
}

}  // namespace jatei

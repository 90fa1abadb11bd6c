// A stage run over a TEI document a few whole divisions at a time (jatei/pipeline.hpp:
// annotate_parts): the reader hands the blocks and turns over one by one, they are gathered into
// divisions, the divisions into a part of about `part_bytes` of text cut where the stage allows,
// and each part, once annotated, is written and let go.
#include <exception>
#include <stdexcept>
#include <utility>

#include "jatei/pipeline.hpp"
#include "jatei/tei.hpp"
#include "tei/divisions.hpp"

namespace jatei {

namespace {

// About the bytes of text a division holds (what a part's size is counted in).
std::size_t text_bytes(const Division& d) {
  std::size_t n = 0;
  for (auto& t : d.turns)
    for (auto& b : t.blocks) {
      n += b.xml.size();
      for (auto& l : b.leaves)
        for (auto& p : l.pieces) n += p.text.size() + p.sentence.text.size();
    }
  return n;
}

// What the stage threw, carried out of the reader (which takes a DataError thrown inside it for
// its own and reads the document again whole) and thrown again by annotate_parts.
struct StageFailed {
  std::exception_ptr error;
};

// Runs a call into the stage, its exception carried as StageFailed.
template <typename F>
auto guard(F&& f) {
  try {
    return f();
  } catch (...) {
    throw StageFailed{std::current_exception()};
  }
}

// Gathers the divisions into parts and hands each to the stage: annotated and written through
// `out`, or, without `out`, to the stage's survey() of a first read (parts cut anywhere).
// The first read of a stage with a survey met a document the stream does not take.
struct NotStreamed {};

class PartWriter : public tei::DivisionGatherer {
 public:
  PartWriter(StageParts& stage, tei::StreamWriter* out, std::size_t part_bytes)
      : stage_(stage), out_(out), part_bytes_(part_bytes) {}

  void begin(Document& doc) override {
    if (out_) {
      guard([&] { stage_.header(doc); });
      out_->begin(doc);
    }
    part_.header = doc.header;
  }
  void end(Document& doc) override {
    complete();
    flush();
    if (!out_) return;
    out_->end(doc);
    guard([&] { stage_.finish(); });
  }
  void restart() override {
    // The first read is the check: the document is read whole instead (annotate_parts).
    if (!out_) throw NotStreamed{};
    // tei::streams() said the stream reads this document to its end.
    throw std::logic_error("the TEI block reader started again on a document it said it streams");
  }

 private:
  // The division last opened is whole: a part ends before it when it may.
  void whole(Division& d) override {
    if (!part_.divisions.empty() && held_ >= part_bytes_ && (!out_ || guard([&] { return stage_.cut_before(d); })))
      flush();
    held_ += text_bytes(d);
    part_.divisions.push_back(std::move(d));
  }
  void flush() {
    if (part_.divisions.empty()) return;
    if (!out_) {
      guard([&] { stage_.survey(part_); });
      part_.divisions.clear();
      held_ = 0;
      return;
    }
    guard([&] { stage_.annotate(part_); });
    for (auto& d : part_.divisions) out_->division(d, part_.header.persons);
    part_.divisions.clear();
    held_ = 0;
  }

  StageParts& stage_;
  tei::StreamWriter* out_;
  std::size_t part_bytes_;
  Document part_;
  std::size_t held_ = 0;
};

}  // namespace

void annotate_parts(std::string&& xml, const std::string& origin, const StagePartsMaker& parts,
                    const std::function<void(std::string_view)>& sink, std::ostream* explain,
                    std::size_t part_bytes) {
  StageParts stage = parts(explain);
  // The input's errors before any output: tei::streams(), or for a stage with a survey its first
  // read, which writes nothing (a document the stream does not take: a new StageParts, as the
  // survey may have seen a part before the reader started again).
  bool streamed = true;
  try {
    if (stage.survey) {
      PartWriter first(stage, nullptr, part_bytes);
      tei::read_blocks(xml, origin, first);
    } else {
      streamed = tei::streams(xml, origin);
    }
  } catch (const NotStreamed&) {
    streamed = false;
    stage = parts(explain);
  } catch (const StageFailed& f) {
    std::rethrow_exception(f.error);
  }
  if (!streamed) {
    Document doc = tei::read_in_place(std::move(xml), origin);
    if (stage.survey) stage.survey(doc);
    stage.header(doc);
    stage.annotate(doc);
    stage.finish();
    tei::write(doc, sink);
    return;
  }
  tei::StreamWriter out(sink);
  PartWriter w(stage, &out, part_bytes);
  try {
    tei::read_blocks(xml, origin, w);
  } catch (const StageFailed& f) {
    std::rethrow_exception(f.error);
  }
}

void annotate_parts(Document& doc, const StagePartsMaker& parts, std::ostream* explain, std::size_t part_bytes) {
  StageParts stage = parts(explain);
  // The divisions in parts as PartWriter gathers them: a part ends before a division once it
  // holds part_bytes, where the stage allows (`cut`) or anywhere; done(from, to) for each.
  auto each_part = [&](bool cut, auto&& done) {
    std::size_t from = 0, held = 0;
    for (std::size_t d = 0; d < doc.divisions.size(); ++d) {
      if (d > from && held >= part_bytes && (!cut || stage.cut_before(doc.divisions[d]))) {
        done(from, d);
        from = d;
        held = 0;
      }
      held += text_bytes(doc.divisions[d]);
    }
    if (from < doc.divisions.size()) done(from, doc.divisions.size());
  };
  if (stage.survey) {  // the first read: a copy of each part, as the reader would hand it over
    Document part;
    part.header = doc.header;
    each_part(false, [&](std::size_t from, std::size_t to) {
      part.divisions.assign(doc.divisions.begin() + static_cast<std::ptrdiff_t>(from),
                            doc.divisions.begin() + static_cast<std::ptrdiff_t>(to));
      stage.survey(part);
      part.divisions.clear();
    });
  }
  stage.header(doc);
  Document part;
  part.header = doc.header;
  std::vector<Division> done;
  done.reserve(doc.divisions.size());
  each_part(true, [&](std::size_t from, std::size_t to) {
    for (std::size_t d = from; d < to; ++d) part.divisions.push_back(std::move(doc.divisions[d]));
    stage.annotate(part);
    for (auto& d : part.divisions) done.push_back(std::move(d));
    part.divisions.clear();
  });
  doc.divisions = std::move(done);
  stage.finish();
}

}  // namespace jatei

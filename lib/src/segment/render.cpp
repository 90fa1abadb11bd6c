// The divisions (cut where the section changes or where TEI's content model requires it: a
// trailer closes its division; a byline and a head may only open or close one), then every
// block handed out: written from its lines to a stream, or made into a Block. A large text
// streamed is written in parts on two threads, each part's ids counted ahead.
#include "segment/plan.hpp"

#include "core/beside.hpp"

#include <algorithm>
#include <atomic>
#include <memory>
#include <string>

namespace jatei::seg {
namespace {


// Where writing the blocks has got to: the end of the last line written (the whitespace after
// it leads the next block) and the ids handed out so far.
struct RenderState {
  std::size_t last_end = 0;
  tei::IdCounters ids;
};

class Renderer : Pass {
 public:
  explicit Renderer(Plan& p) : Pass(p) {}

  std::string run(Emitter& out) {
    make_divisions(out, blocks_);
    return tail_;
  }

 private:
  static constexpr std::size_t kRenderParts = 16;  // parts a large text's TEI is written in

  // Which blocks open a division (opens_), the divisions being in source order and TEI-shaped;
  // returns how many there are.
  std::size_t mark_divisions(std::vector<PendingBlock>& blocks) {
    enum class State { top, body, bottom };
    State state = State::top;
    Section current = Section::article;
    bool open = false;
    std::size_t divisions = 0;
    opens_.assign(blocks.size(), 0);
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      PendingBlock& b = blocks[k];
      // A trailer with no block before it to close (a text that starts with 【続く】) would not
      // be TEI: it is a paragraph.
      if (b.kind == BlockKind::trailer && (divisions == 0 || state == State::top)) b.kind = BlockKind::paragraph;
      bool is_top = b.kind == BlockKind::head || b.kind == BlockKind::byline;
      bool is_bottom = b.kind == BlockKind::trailer || b.kind == BlockKind::byline;
      // (A signature after body text opens the part it signs: a byline may open a division.)
      if (!open || b.section != current || state == State::bottom ||
          (b.kind == BlockKind::head && state != State::top) ||
          (b.kind == BlockKind::byline && state == State::body && signs_below(blocks, k))) {
        // A byline after the body of its own section closes that division instead.
        if (open && b.section == current && b.kind == BlockKind::byline && state == State::bottom) {
          // consecutive closing bylines stay together
        } else if (b.kind == BlockKind::trailer && divisions != 0 && state != State::top) {
          // A trailer closes the division before it: alone in a new one it would follow no
          // block, which TEI does not allow.
        } else {
          opens_[k] = 1;
          ++divisions;
          current = b.section;
          state = State::top;
          open = true;
        }
      }
      if (is_top && state == State::top) {
        // stays top
      } else if (is_bottom) {
        state = State::bottom;
      } else {
        state = State::body;
      }
      if (b.kind == BlockKind::trailer) open = false;
    }
    return divisions;
  }

  // Hands blocks [lo, hi) to out, with the divisions they open.
  // `last_end`: the end of the last line handed out before blocks[lo].
  void render(Emitter& out, const std::vector<PendingBlock>& blocks, std::size_t lo, std::size_t hi, std::size_t& last_end) {
    for (std::size_t k = lo; k < hi; ++k) {
      const PendingBlock& b = blocks[k];
      if (opens_[k]) out.division(b.section);
      if (tei::StreamWriter* w = out.direct(text_.substr(last_end, lines_[b.first].begin - last_end))) {
        write_lines(*w, b, last_end);
      } else {
        Block block = materialise(b, last_end);
        out.ids().assign(block);
        out.block(std::move(block));
      }
    }
  }

  // The states after blocks [0, cut[i]) are written, for each (ascending) cut, counted in one
  // pass without writing them.
  std::vector<RenderState> states_at(const std::vector<std::size_t>& cut) const {
    std::vector<RenderState> out;
    RenderState st;
    std::size_t j = 0;
    for (std::size_t c : cut) {
      for (; j < c; ++j) count_block(blocks_[j], st);
      out.push_back(st);
    }
    return out;
  }

  // Advances st past block pb: the ids writing it takes (the writer's scheme, tei::IdCounters),
  // and its last line.
  void count_block(const PendingBlock& pb, RenderState& st) const {
    std::size_t leaves = 0, sentences = 0;
    for (std::uint32_t i = pb.first; i <= pb.last; ++i) {
      const Line& l = lines_[i];
      if (l.kind == LineKind::blank) continue;
      ++leaves;
      sentences += l.r_count;
      st.last_end = l.end;
    }
    st.ids.count(pb.kind, leaves, sentences);
  }

  void make_divisions(Emitter& out, std::vector<PendingBlock>& blocks) {
    std::size_t divisions = mark_divisions(blocks);
    if (divisions == 0) {
      // No text at all (an empty file, only blank lines): one empty paragraph keeps the
      // document valid, and the whitespace stays in the tail so nothing is lost.
      out.division(Section::article);
      Block b;
      b.leaves.emplace_back();
      b.leaves.back().line = 1;
      out.ids().assign(b);
      out.block(std::move(b));
      return;
    }
    std::size_t n = blocks.size();
    tei::StreamWriter* stream = out.stream();
    if (!stream || text_.size() < parallel_min_bytes_ || n < 2) {
      render(out, blocks, 0, n, last_end_);
      return;
    }
    // A large text streamed: the blocks are cut into parts of about as many bytes. The first
    // part streams out; the others are written to memory by whichever thread is free, the
    // second thread taking them in order while this one passes each on as soon as it is ready
    // and, while the next is not, writes one itself. Each part's emitter starts inside the
    // division open at its start, which it closes if its first block opens another; its ids
    // are counted ahead (states_at).
    const std::size_t parts = std::min<std::size_t>(kRenderParts, n);
    std::vector<std::size_t> cut(parts + 1);
    cut[0] = 0;
    cut[parts] = n;
    for (std::size_t k = 1; k < parts; ++k) {
      std::size_t at = text_.size() / parts * k;
      std::size_t m = static_cast<std::size_t>(
          std::lower_bound(blocks.begin(), blocks.end(), at,
                           [&](const PendingBlock& b, std::size_t x) { return lines_[b.first].begin < x; }) -
          blocks.begin());
      cut[k] = std::clamp<std::size_t>(m, cut[k - 1] + 1, n - (parts - k));
    }
    std::vector<RenderState> start = states_at(cut);
    std::vector<std::string> written(parts);
    auto ready = std::make_unique<std::atomic<bool>[]>(parts);
    std::atomic<std::size_t> next{1};
    std::atomic<bool> failed{false};  // the second thread gave up: no part it took will be ready
    auto write_part = [&](std::size_t k) {
      // Room for the markup too (TEI is about 1.5 times the text), in the writer's own buffer:
      // grown by doubling instead, the string would touch up to twice what it holds. Pages
      // reserved and not written cost nothing.
      std::size_t end = cut[k + 1] < n ? lines_[blocks[cut[k + 1]].first].begin : text_.size();
      std::size_t room = (end - lines_[blocks[cut[k]].first].begin) * 2 + (std::size_t(1) << 16);
      tei::StreamWriter w([&written, k](std::string_view chunk) { written[k] += chunk; }, room);
      w.ids() = start[k].ids;
      StreamEmitter inner(w, true);
      std::size_t last_end = start[k].last_end;
      render(inner, blocks, cut[k], cut[k + 1], last_end);
      if (written[k].empty())
        written[k] = w.release();
      else
        written[k] += w.release();
      ready[k].store(true, std::memory_order_release);
    };
    run_beside(
        [&] {
          try {
            for (std::size_t k; (k = next.fetch_add(1)) < parts;) write_part(k);
          } catch (...) {
            failed = true;
            throw;
          }
        },
        [&] {
          render(out, blocks, 0, cut[1], last_end_);
          for (std::size_t k = 1; k < parts; ++k) {
            while (!ready[k].load(std::memory_order_acquire)) {
              if (failed) return;  // run_beside throws the second thread's exception
              if (std::size_t j = next.fetch_add(1); j < parts)
                write_part(j);
              else
                cpu_pause();
            }
            stream->pass(written[k]);
            std::string().swap(written[k]);
          }
        });
    stream->ids() = start[parts].ids;
    last_end_ = start[parts].last_end;
  }

  Leaf make_leaf(const char* element, const Line& l, std::size_t& last_end) {
    Leaf leaf;
    leaf.element = element;
    if (std::string_view(element) == "ab") leaf.attrs.set("type", "code");
    if (std::string_view(element) == "note") leaf.attrs.set("type", note_type(l.content()));
    leaf.line = static_cast<std::size_t>(&l - lines_.data()) + 1;
    std::string_view line = text_.substr(l.begin, l.end - l.begin);
    leaf.lead = std::string(text_.substr(last_end, l.begin - last_end));
    last_end = l.end;
    auto ranges = sentences(static_cast<std::size_t>(&l - lines_.data()));
    std::size_t count = 0, prev = 0;
    for (auto [b, e] : ranges) {
      count += (b > prev) + 1;
      prev = e;
    }
    leaf.pieces.reserve(count + (prev < line.size()));
    prev = 0;
    for (auto [b, e] : ranges) {
      if (b > prev) leaf.pieces.push_back({Piece::Kind::text, {}, std::string(line.substr(prev, b - prev))});
      Piece p;
      p.kind = Piece::Kind::sentence;
      p.sentence.text = std::string(line.substr(b, e - b));
      leaf.pieces.push_back(std::move(p));
      prev = e;
    }
    if (prev < line.size()) leaf.pieces.push_back({Piece::Kind::text, {}, std::string(line.substr(prev))});
    return leaf;
  }

  // Writes block pb from its lines, numbered by the writer: the same bytes as the writer's
  // block() of what materialise() and IdCounters::assign() give, without making its leaves.
  void write_lines(tei::StreamWriter& w, const PendingBlock& pb, std::size_t& last_end) const {
    const char* type = pb.kind == BlockKind::note ? note_type(lines_[pb.first].content()) : nullptr;
    w.open_block(pb.kind, text_.substr(last_end, lines_[pb.first].begin - last_end), type ? type : "");
    for (std::uint32_t i = pb.first; i <= pb.last; ++i) {
      const Line& l = lines_[i];
      if (l.kind == LineKind::blank) continue;
      w.leaf(text_.substr(last_end, l.begin - last_end), line_text(i), sentences(i));
      last_end = l.end;
    }
    w.close_block();
  }

  // The block's leaves, made now: in document order, since each takes the whitespace since
  // the one before as its lead.
  Block materialise(const PendingBlock& pb, std::size_t& last_end) {
    Block b;
    b.kind = pb.kind;
    const char* element = tei::leaf_element(pb.kind);
    for (std::uint32_t i = pb.first; i <= pb.last; ++i)
      if (lines_[i].kind != LineKind::blank) b.leaves.push_back(make_leaf(element, lines_[i], last_end));
    return b;
  }

  std::vector<PendingBlock>& blocks_ = plan_.blocks;
  std::vector<std::uint8_t>& opens_ = plan_.opens;
  std::size_t& last_end_ = plan_.last_end;
  const std::size_t parallel_min_bytes_ = plan_.parallel_min_bytes;
};

}  // namespace

std::string emit(Plan& plan, Emitter& out) { return Renderer(plan).run(out); }

}  // namespace jatei::seg

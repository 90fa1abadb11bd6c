// annotate_speakers: the data flow of the stage (analysis.hpp names each step and its file).
// This file collects the blocks, runs the steps in order, and writes the turns back into the
// document: labels move from the first sentence into Turn::speaker, turn ids are kept or
// continued, persons are declared in the header.
#include <algorithm>
#include <map>
#include <set>

#include "jatei/segment.hpp"
#include "jatei/text.hpp"
#include "speakers/analysis.hpp"
#include "speakers/textutil.hpp"

namespace jatei::speakers {

namespace {

// Moves the first `len` bytes of the opening sentence out of the text (they become the turn's
// <speaker>). Whitespace after the label stays in the leaf as text; a sentence left empty is
// dropped.
void cut_label(Block& b, std::size_t len) {
  Leaf& leaf = b.leaves[0];
  Sentence& s = leaf.pieces[0].sentence;
  if (len >= s.text.size()) {
    leaf.pieces.erase(leaf.pieces.begin());
    return;
  }
  std::string_view rest = std::string_view(s.text).substr(len);
  std::size_t ws = 0;
  while (ws < rest.size() && is_space(text::at(rest, ws))) ws = text::next(rest, ws);
  std::size_t cut = len + ws;
  std::string space(rest.substr(0, ws));
  std::vector<Span> spans;
  for (auto& sp : s.spans) {
    if (sp.end <= cut && !(sp.begin == sp.end && sp.begin == cut)) continue;  // inside the label
    Span moved = sp;
    moved.begin = sp.begin > cut ? sp.begin - cut : 0;
    moved.end = sp.end > cut ? sp.end - cut : 0;
    spans.push_back(std::move(moved));
  }
  s.text.erase(0, cut);
  s.spans = std::move(spans);
  if (!space.empty()) leaf.pieces.insert(leaf.pieces.begin(), Piece{Piece::Kind::text, {}, std::move(space)});
}

// A transcript's timestamp stays outside the sentences ([00:00:03] <s>…</s>, segmentation's
// mark_transcript). While labels are looked for it goes back into the first sentence, so that a
// label after it ([00:00:03] 田村：…) is read, and moved into <speaker>, whole, as the source
// has it; a line that gets no label is given its stamp back outside the sentences
// (split_stamp). Returns the stamp's length in bytes, 0 when the leaf has none.
std::size_t rejoin_stamp(Block& b) {
  if (b.kind != BlockKind::paragraph || b.leaves.empty()) return 0;
  Leaf& leaf = b.leaves[0];
  if (leaf.pieces.size() < 2 || leaf.pieces[0].kind != Piece::Kind::text ||
      leaf.pieces[1].kind != Piece::Kind::sentence || trim_space(leaf.pieces[0].text).empty())
    return 0;
  std::size_t stamp = leaf.pieces[0].text.size();
  Sentence& s = leaf.pieces[1].sentence;
  s.text.insert(0, leaf.pieces[0].text);
  for (auto& sp : s.spans) sp.begin += stamp, sp.end += stamp;
  leaf.pieces.erase(leaf.pieces.begin());
  return stamp;
}

void split_stamp(Block& b, std::size_t stamp) {
  Leaf& leaf = b.leaves[0];
  Sentence& s = leaf.pieces[0].sentence;
  Piece text{Piece::Kind::text, {}, s.text.substr(0, stamp)};
  s.text.erase(0, stamp);
  for (auto& sp : s.spans) sp.begin = sp.begin > stamp ? sp.begin - stamp : 0, sp.end = sp.end > stamp ? sp.end - stamp : 0;
  leaf.pieces.insert(leaf.pieces.begin(), std::move(text));
}

// TEI's order in a division (schemas/jatei.rng, div.content): headings and bylines on top,
// then the blocks and turns, then trailers and bylines. A line made a turn can leave a heading
// that was second on top after a turn (a label on the division's first line), or a block after
// a trailer: the division is cut there too, an unspoken run split at the block that opens the
// new part. `turns` are division d's; `by_division` holds, by division, the turns that open a
// new one (Annotator::cuts_, which cut_divisions applies).
void keep_tei_order(std::vector<Turn>& turns, std::size_t d, std::map<std::size_t, std::vector<std::size_t>>& by_division) {
  enum class Zone { top, body, bottom };
  auto& cuts = by_division[d];
  std::set<std::size_t> at(cuts.begin(), cuts.end());
  Zone zone = Zone::top;
  for (std::size_t t = 0; t < turns.size(); ++t) {
    if (at.count(t)) zone = Zone::top;
    if (turns[t].spoken()) {
      if (zone == Zone::bottom) at.insert(t);
      zone = Zone::body;
      continue;
    }
    for (std::size_t b = 0; b < turns[t].blocks.size(); ++b) {
      BlockKind k = turns[t].blocks[b].kind;
      bool top = k == BlockKind::head || (k == BlockKind::byline && zone == Zone::top);
      bool bottom = k == BlockKind::trailer || k == BlockKind::byline;
      bool between = k == BlockKind::figure || k == BlockKind::note || k == BlockKind::opaque;
      Zone next = top ? Zone::top : bottom ? Zone::bottom : between ? zone : Zone::body;
      bool cut = (next == Zone::top && zone != Zone::top) || (next == Zone::body && zone == Zone::bottom);
      if (cut && b > 0) {  // the run goes on as a turn of its own from this block
        Turn rest;
        std::move(turns[t].blocks.begin() + static_cast<std::ptrdiff_t>(b), turns[t].blocks.end(),
                  std::back_inserter(rest.blocks));
        turns[t].blocks.resize(b);
        turns.insert(turns.begin() + static_cast<std::ptrdiff_t>(t) + 1, std::move(rest));
        std::set<std::size_t> shifted;
        for (std::size_t c : at) shifted.insert(c > t ? c + 1 : c);
        at = std::move(shifted);
        at.insert(t + 1);
        break;  // the new turn is looked at next, from the top
      }
      if (cut && t > 0) at.insert(t);
      zone = next;
    }
  }
  at.erase(0);
  if (at.empty()) by_division.erase(d);
  else cuts.assign(at.begin(), at.end());
}

class Annotator {
 public:
  Annotator(Document& doc, const SpeakerOptions& opts)
      : model_(opts.model ? *opts.model : SpeakerModel::builtin()),
        cx_{doc, opts, model_, model_.compiled(), RoleWeights(model_), {}, {}, {}, {}, {}, false, {}} {}

  void run() {
    collect();
    induce_styles(cx_);
    for (auto& r : cx_.runs)
      if (r.mode == Run::Mode::labelled) group_labelled(cx_, r);
    for (auto& r : cx_.runs)
      for (auto& it : r.items)
        if (it.stamp && !it.label && !it.block.leaves.empty() && !it.block.leaves[0].pieces.empty() &&
            it.block.leaves[0].pieces[0].kind == Piece::Kind::sentence &&
            it.block.leaves[0].pieces[0].sentence.text.size() > it.stamp) {
          split_stamp(it.block, it.stamp);
          it.text = spoken_text(it.block.leaves[0]);
        }
    find_unmarked_interviews(cx_);
    find_monologue(cx_);
    if (!cx_.monologue) classify_unlabelled(cx_);
    attribute_quotations(cx_);
    name_people(cx_);
    if (cx_.opts.explain) explain(cx_, *cx_.opts.explain);
    rebuild();
    cx_.doc.add_application("jatei-speakers", kVersion);
  }

 private:
  // The blocks of every division that may hold a dialogue, in runs of adjacent divisions.
  void collect() {
    auto& divs = cx_.doc.divisions;
    std::size_t index = 0;
    for (std::size_t d = 0; d < divs.size(); ++d) {
      auto& div = divs[d];
      if (div.type != "article" && div.type != "dialogue") continue;
      if (cx_.runs.empty() || cx_.runs.back().divs.back() + 1 != d) {
        cx_.runs.emplace_back();
        // Room for the blocks of the run's divisions (an Item is large: moved once, not again at
        // every growth of the vector).
        std::size_t blocks = 0;
        for (std::size_t e = d; e < divs.size() && (divs[e].type == "article" || divs[e].type == "dialogue"); ++e)
          for (auto& t : divs[e].turns) blocks += t.blocks.size();
        cx_.runs.back().items.reserve(blocks);
      }
      cx_.runs.back().divs.push_back(d);
      for (auto& t : div.turns)
        for (std::size_t k = 0; k < t.blocks.size(); ++k) {
          Item it;
          it.div = d;
          it.block = std::move(t.blocks[k]);
          if (k == 0 && t.spoken()) it.old_turn = t.id;
          if (k == 0 && t.speaker) it.old_label = t.speaker;
          it.paragraph = it.block.kind == BlockKind::paragraph && !it.block.leaves.empty();
          if (it.paragraph) {
            it.f = paragraph_features(it.block.leaves[0], cx_.model, cx_.role_w);
            it.text = spoken_text(it.block.leaves[0]);
          }
          it.stamp = rejoin_stamp(it.block);
          for (Item& one : split_labelled_list(std::move(it))) {
            one.index = index++;
            cx_.runs.back().items.push_back(std::move(one));
          }
        }
      div.turns.clear();
    }
    for (auto& r : cx_.runs)
      for (auto& it : r.items) note_turn_id(it.old_turn);
    for (auto& d : divs)
      for (auto& t : d.turns) note_turn_id(t.id);
  }

  // Segmentation takes lines that open with a mark (○議長（…君）　… ◆１２番（…）　…) for list
  // items: a list whose every item starts with a label shape (or is a name alone, at least two
  // with text after their label) is looked at item by item (and put together again by
  // induce_styles when the shape is no label).
  std::vector<Item> split_labelled_list(Item&& it) {
    std::vector<Item> out;
    Block& b = it.block;
    // Every item starts with a label shape, at least two with text after it: a person's line
    // alone (◆高田美和議員（市民クラブ）) may head the items with labels after it.
    bool split = b.kind == BlockKind::list && b.leaves.size() > 1 && !it.old_label;
    int inline_labels = 0;
    for (auto& leaf : b.leaves) {
      if (!split) break;
      auto c = leaf.pieces.empty() || leaf.pieces[0].kind != Piece::Kind::sentence
                   ? std::nullopt
                   : parse_label(leaf_text(leaf), cx_.model, true);
      split = c.has_value();
      inline_labels += split && !c->label.alone;
    }
    split = split && inline_labels >= 2;
    // … or every item ends with a signature (・雷は半減です -- ぽち (2026/05/12 21:03)), two at least:
    // each a comment of its own.
    if (!split && b.kind == BlockKind::list && b.leaves.size() > 1 && !it.old_label)
      split = std::all_of(b.leaves.begin(), b.leaves.end(), [](const Leaf& leaf) {
        return !leaf.pieces.empty() && leaf.pieces[0].kind == Piece::Kind::sentence && parse_signature(leaf_text(leaf));
      });
    if (!split) {
      out.push_back(std::move(it));
      return out;
    }
    ++list_groups_;
    for (std::size_t k = 0; k < b.leaves.size(); ++k) {
      Item one;
      one.div = it.div;
      one.list_group = list_groups_;
      one.block.kind = BlockKind::list;
      if (k == 0) {
        one.block.id = b.id;
        one.block.attrs = b.attrs;
        one.old_turn = it.old_turn;
      }
      one.block.leaves.push_back(std::move(b.leaves[k]));
      out.push_back(std::move(one));
    }
    return out;
  }

  void note_turn_id(const std::string& id) {
    if (id.size() > 2 && id.size() < 12 && id.compare(0, 2, "sp") == 0 &&
        std::all_of(id.begin() + 2, id.end(), [](char c) { return c >= '0' && c <= '9'; }))
      max_turn_id_ = std::max(max_turn_id_, std::stoul(id.substr(2)));
  }

  std::string who_of(const std::string& key) const {
    for (std::size_t k = 0; k < cx_.people.size(); ++k)
      if (cx_.people[k].key == key) return "#spk" + std::to_string(k + 1);
    return {};
  }

  // A turn's @cert: the least sure of its units (inferred: from the decoding margin).
  static void finish_turn(Turn& t, const std::vector<const Item*>& members) {
    std::string cert;
    auto rank = [](const std::string& c) { return c == "low" ? 0 : c == "medium" ? 1 : c == "high" ? 2 : 3; };
    for (const Item* it : members)
      if (it->part == Part::unit && !it->cert.empty() && (cert.empty() || rank(it->cert) < rank(cert))) cert = it->cert;
    t.cert = cert;
  }

  // Writes the blocks of one division back as turns.
  void rebuild_division(Run& r, std::size_t d, std::set<std::string>& used, std::vector<Turn*>& fresh) {
    Division& div = cx_.doc.divisions[d];
    std::vector<Turn>& turns = div.turns;
    std::vector<Block> pending;  // opaque blocks waiting to know which side they are on
    std::vector<const Item*> members;
    auto close = [&]() {
      if (!turns.empty() && turns.back().spoken()) finish_turn(turns.back(), members);
      members.clear();
    };
    auto outside = [&](Block&& b) {
      if (turns.empty() || turns.back().spoken()) {
        close();
        turns.emplace_back();
      }
      turns.back().blocks.push_back(std::move(b));
    };
    for (auto& it : r.items) {
      if (it.div != d) continue;
      if (it.opens_division) {
        for (auto& b : pending) outside(std::move(b));
        pending.clear();
        close();
        turns.emplace_back();  // the heading opens a turn of nobody's, where the cut will be
        cuts_[d].push_back(turns.size() - 1);
      }
      if (it.block.kind == BlockKind::opaque) {
        pending.push_back(std::move(it.block));
        continue;
      }
      bool spoken = (it.part == Part::unit || it.part == Part::attached) && !it.person.empty();
      if (!spoken) {
        for (auto& b : pending) outside(std::move(b));
        pending.clear();
        outside(std::move(it.block));
        continue;
      }
      std::string who = who_of(it.person);
      bool start = turns.empty() || !turns.back().spoken() || turns.back().who != who || it.label.has_value();
      if (start) {
        for (auto& b : pending) outside(std::move(b));
        pending.clear();
        close();
        Turn t;
        t.who = who;
        if (!it.old_turn.empty() && used.insert(it.old_turn).second) t.id = it.old_turn;
        if (it.label && !it.label->signed_at_end) t.speaker = it.label->text;
        turns.push_back(std::move(t));
      } else {
        for (auto& b : pending) turns.back().blocks.push_back(std::move(b));
        pending.clear();
      }
      if (it.label && it.label->is_new) {
        if (it.label->header) it.block.leaves[0].pieces.clear();  // the whole line is the label
        else cut_label(it.block, it.label->shape.length);
      }
      turns.back().blocks.push_back(std::move(it.block));
      members.push_back(&it);
    }
    for (auto& b : pending) outside(std::move(b));
    close();
    keep_tei_order(cx_.doc.divisions[d].turns, d, cuts_);
    bool any = std::any_of(turns.begin(), turns.end(), [](const Turn& t) { return t.spoken(); });
    if (any) div.type = "dialogue";
    else if (div.type == "dialogue") div.type = "article";
    for (auto& t : turns)
      if (t.spoken() && t.id.empty()) fresh.push_back(&t);
  }

  // Cuts the divisions where a heading opens a new one (faq_questions_become_headings): the
  // turns from each cut on go to a division of the same kind after it.
  void cut_divisions() {
    if (cuts_.empty()) return;
    std::vector<Division> out;
    auto& divs = cx_.doc.divisions;
    for (std::size_t d = 0; d < divs.size(); ++d) {
      auto c = cuts_.find(d);
      if (c == cuts_.end()) {
        out.push_back(std::move(divs[d]));
        continue;
      }
      std::vector<std::size_t> ends = c->second;
      ends.push_back(divs[d].turns.size());
      std::size_t from = 0;
      for (std::size_t end : ends) {
        if (end > from) {
          Division part;
          if (from == 0) part.id = divs[d].id;  // the id stays with the first part
          part.attrs = divs[d].attrs;
          for (std::size_t t = from; t < end; ++t) part.turns.push_back(std::move(divs[d].turns[t]));
          bool any = std::any_of(part.turns.begin(), part.turns.end(), [](const Turn& t) { return t.spoken(); });
          part.type = any ? "dialogue" : divs[d].type == "dialogue" ? "article" : divs[d].type;
          out.push_back(std::move(part));
        }
        from = end;
      }
    }
    divs = std::move(out);
  }

  void rebuild() {
    std::set<std::string> used;
    std::vector<Turn*> fresh;  // turns that need a new id
    for (auto& r : cx_.runs)
      for (std::size_t d : r.divs) rebuild_division(r, d, used, fresh);
    for (Turn* t : fresh) {
      std::string id;
      do id = "sp" + std::to_string(++max_turn_id_);
      while (used.count(id));
      used.insert(id);
      t->id = id;
    }
    auto& persons = cx_.doc.header.persons;
    persons.clear();
    for (std::size_t k = 0; k < cx_.people.size(); ++k)
      persons.push_back({"spk" + std::to_string(k + 1), cx_.people[k].role, cx_.people[k].name});
    cut_divisions();
  }

  const SpeakerModel& model_;
  Context cx_;
  std::map<std::size_t, std::vector<std::size_t>> cuts_;  // by division: the turns that open a new one
  unsigned long max_turn_id_ = 0;
  std::size_t list_groups_ = 0;
};

}  // namespace

}  // namespace jatei::speakers

namespace jatei {

void annotate_speakers(Document& doc, const SpeakerOptions& options) {
  speakers::Annotator(doc, options).run();
}

}  // namespace jatei

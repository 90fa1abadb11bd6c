// A tei::BlockHandler that hands on whole divisions, as the model holds them (internal to
// lib/src): the blocks the reader gives outside <sp> gathered into unspoken turns, each
// division handed to whole() once the next one opens or complete() is called (from end()).
//
//   class Mine : public tei::DivisionGatherer {
//     void whole(Division& d) override { ... }          // take it, or move from it
//     void end(Document& doc) override { complete(); ... }
//   };
#pragma once

#include <cstddef>
#include <utility>

#include "jatei/tei.hpp"

namespace jatei::tei {

class DivisionGatherer : public BlockHandler {
 public:
  void division(Division&& d) override {
    complete();
    current_ = std::move(d);
    open_ = true;
  }
  void block(Block&& b, std::size_t run) override {
    auto& turns = current_.turns;
    if (turns.empty() || turns.back().spoken()) {
      turns.emplace_back();
      turns.back().blocks.reserve(run);
    }
    turns.back().blocks.push_back(std::move(b));
  }
  void turn(Turn&& t) override { current_.turns.push_back(std::move(t)); }

 protected:
  // The division last opened, whole; it is cleared afterwards.
  virtual void whole(Division& d) = 0;
  void complete() {
    if (!open_) return;
    open_ = false;
    whole(current_);
    current_ = Division{};
  }

 private:
  Division current_;
  bool open_ = false;
};

}  // namespace jatei::tei

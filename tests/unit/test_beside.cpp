// Unit tests for the two threads of lib/src/core/beside.hpp: run_beside and SecondThread, the
// second thread a stage run a part at a time keeps from one part to the next (issue 15: the
// claims stage's MeCab tagger and window cache are thread_local and must outlive a part).
#define BOOST_TEST_MODULE beside
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/beside.hpp"

using jatei::SecondThread;

namespace {
// What a thread keeps for itself across calls, as the claims stage's MeCab cache does.
int calls_on_this_thread() {
  thread_local int calls = 0;
  return ++calls;
}
}  // namespace

BOOST_AUTO_TEST_CASE(run_beside_runs_both_and_rethrows_the_second_threads_error) {
  int a = 0, b = 0;
  jatei::run_beside([&] { a = 1; }, [&] { b = 2; });
  BOOST_TEST(a == 1);
  BOOST_TEST(b == 2);
  BOOST_CHECK_THROW(jatei::run_beside([] { throw std::runtime_error("beside"); }, [] {}), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(second_thread_is_the_same_thread_from_run_to_run_and_keeps_its_thread_locals) {
  SecondThread second;
  std::vector<std::thread::id> ids;
  std::vector<int> calls;
  const std::thread::id here = std::this_thread::get_id();
  for (int k = 0; k < 5; ++k) {
    std::thread::id id;
    int n = 0;
    std::atomic<int> here_ran{0};
    second.run([&] { id = std::this_thread::get_id(); n = calls_on_this_thread(); }, [&] { here_ran = 1; });
    BOOST_TEST(here_ran.load() == 1);
    ids.push_back(id);
    calls.push_back(n);
  }
  BOOST_TEST(ids.front() != here);
  for (auto& id : ids) BOOST_TEST((id == ids.front()));
  // thread_local state survives: the count goes on from run to run instead of starting over
  BOOST_TEST(calls == (std::vector<int>{1, 2, 3, 4, 5}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(second_thread_shares_work_and_both_sides_finish_before_run_returns) {
  SecondThread second;
  for (int round = 0; round < 50; ++round) {
    std::vector<int> done(10000, 0);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t k = next.fetch_add(1); k < done.size(); k = next.fetch_add(1)) done[k] += 1;
    };
    second.run(work, work);
    for (int d : done) BOOST_REQUIRE(d == 1);
  }
}

BOOST_AUTO_TEST_CASE(second_thread_errors_come_out_and_it_works_on_after_them) {
  SecondThread second;
  BOOST_CHECK_THROW(second.run([] { throw std::runtime_error("beside"); }, [] {}), std::runtime_error);
  // `here`'s error is the one thrown when both fail, after the second thread is done
  std::atomic<bool> beside_done{false};
  try {
    second.run(
        [&] {
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
          beside_done = true;
          throw std::logic_error("beside");
        },
        [] { throw std::invalid_argument("here"); });
    BOOST_FAIL("no exception");
  } catch (const std::invalid_argument&) {
    BOOST_TEST(beside_done.load());
  }
  int a = 0, b = 0;
  second.run([&] { a = 1; }, [&] { b = 1; });  // a failure does not leave it stuck
  BOOST_TEST(a + b == 2);
}

BOOST_AUTO_TEST_CASE(a_second_thread_never_run_starts_nothing_and_is_destroyed_cleanly) {
  SecondThread second;  // no run(): no thread to join
}

// run_beside: two pieces of work at once, one on a second thread. Internal to libjatei.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace jatei {

// A hint to the processor, in a loop that polls for another thread's progress.
inline void cpu_pause() {
#if defined(__x86_64__) || defined(__i386__)
  _mm_pause();
#endif
}

namespace beside_detail {

// Polls `done` for up to `limit`, reading the clock only now and then, and returns (done or not).
inline void spin_until(const std::atomic<bool>& done, std::chrono::milliseconds limit) {
  auto until = std::chrono::steady_clock::now() + limit;
  for (unsigned spins = 1; !done.load(std::memory_order_acquire); ++spins) {
    cpu_pause();
    if (spins % 256 == 0 && std::chrono::steady_clock::now() > until) break;  // the clock now and then
  }
}

// Runs `here`, then `wait` for the work beside it, whether `here` threw or not; rethrows `here`'s
// exception, else the one the work beside left in `failure`.
template <class Here, class Wait>
void here_then_wait(Here&& here, Wait&& wait, const std::exception_ptr& failure) {
  try {
    here();
  } catch (...) {
    wait();
    throw;
  }
  wait();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace beside_detail

// Runs `beside` on a second thread while `here` runs on this one, and returns when both are
// done. The second thread is always joined; an exception from `here`, else from `beside`, is
// rethrown here.
//
// Whichever finishes first waits for the other by polling for a while before it sleeps: on a
// virtual machine a processor that sleeps can take many milliseconds to be woken again, more
// than the wait itself.
template <class Beside, class Here>
void run_beside(Beside&& beside, Here&& here) {
  std::exception_ptr failure;
  std::atomic<bool> done{false};
  std::thread second([&] {
    try {
      beside();
    } catch (...) {
      failure = std::current_exception();
    }
    done.store(true, std::memory_order_release);
  });
  auto wait = [&] {
    beside_detail::spin_until(done, std::chrono::milliseconds(200));
    second.join();
  };
  beside_detail::here_then_wait(here, wait, failure);
}

// A second thread kept from one run to the next, for a stage that runs a document a part at a
// time: what the thread keeps for itself (claims: MeCab's tagger and its window cache, which are
// thread_local) lasts across the parts instead of being made again for each. run() is
// run_beside on that thread: it returns when both pieces of work are done, an exception from
// `here`, else from `beside`, rethrown. The thread starts at the first run() and is joined by
// the destructor. One caller at a time.
class SecondThread {
 public:
  SecondThread() = default;
  SecondThread(const SecondThread&) = delete;
  SecondThread& operator=(const SecondThread&) = delete;
  ~SecondThread() {
    if (!thread_.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }

  template <class Beside, class Here>
  void run(Beside&& beside, Here&& here) {
    if (!thread_.joinable()) thread_ = std::thread([this] { loop(); });
    failure_ = nullptr;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      job_ = [&beside] { beside(); };
      done_.store(false, std::memory_order_relaxed);
    }
    wake_.notify_one();
    beside_detail::here_then_wait(here, [this] { wait(); }, failure_);
  }

 private:
  void loop() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return stop_ || job_; });
        if (stop_) return;
        job = std::move(job_);
        job_ = nullptr;
      }
      try {
        job();
      } catch (...) {
        failure_ = std::current_exception();
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        done_.store(true, std::memory_order_release);
      }
      finished_.notify_one();
    }
  }
  // Polls for a short while before it sleeps: the work is cut in small chunks, so the other
  // thread is close to done, unless the machine's other loads took its processor; then
  // polling would only spend processor time (run_beside polls up to 200 ms, once a document;
  // this waits once a part).
  void wait() {
    beside_detail::spin_until(done_, std::chrono::milliseconds(2));
    std::unique_lock<std::mutex> lock(mutex_);
    finished_.wait(lock, [&] { return done_.load(std::memory_order_acquire); });
  }

  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_, finished_;
  std::function<void()> job_;
  bool stop_ = false;
  std::atomic<bool> done_{true};
  std::exception_ptr failure_;
};

}  // namespace jatei

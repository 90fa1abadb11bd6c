// run_beside: two pieces of work at once, one on a second thread. Internal to libjatei.
#pragma once

#include <atomic>
#include <chrono>
#include <exception>
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
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
    for (unsigned spins = 1; !done.load(std::memory_order_acquire); ++spins) {
      cpu_pause();
      if (spins % 256 == 0 && std::chrono::steady_clock::now() > until) break;  // the clock now and then
    }
    second.join();
  };
  try {
    here();
  } catch (...) {
    wait();
    throw;
  }
  wait();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace jatei

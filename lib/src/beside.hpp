// run_beside: two pieces of work at once, one on a second thread. Internal to libjatei.
#pragma once

#include <exception>
#include <thread>

namespace jatei {

// Runs `beside` on a second thread while `here` runs on this one, and returns when both are
// done. The second thread is always joined; an exception from `here`, else from `beside`, is
// rethrown here.
template <class Beside, class Here>
void run_beside(Beside&& beside, Here&& here) {
  std::exception_ptr failure;
  std::thread second([&] {
    try {
      beside();
    } catch (...) {
      failure = std::current_exception();
    }
  });
  try {
    here();
  } catch (...) {
    second.join();
    throw;
  }
  second.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace jatei

#pragma once
// The run orchestrators' one pattern for parallel work: items are worked on by a fixed set of workers (each owning
// its own state, e.g. a PageReader with its Tesseract engine), and their results are handed to the calling thread
// in item order. The caller is the one writer, so what a run stores does not depend on thread timing.
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <type_traits>
#include <vector>

namespace intake {

// Calls `work(i, worker)` for every i < count on one thread per element of `workers`, and `take(i, result)` on
// the calling thread for i = 0, 1, … as each result is ready. `work` must not throw: an item's failure is part of
// its result. If `take` throws, the workers finish their items before the exception leaves.
template <class Worker, class Work, class Take>
void work_in_order(std::size_t count, std::span<Worker> workers, Work&& work, Take&& take) {
  using Outcome = std::invoke_result_t<Work&, std::size_t, Worker&>;
  std::vector<std::optional<Outcome>> outcomes(count);
  std::mutex mutex;
  std::condition_variable ready;
  std::size_t next = 0;

  auto run = [&](Worker& worker) {
    for (;;) {
      std::size_t i = 0;
      {
        const std::lock_guard lock(mutex);
        if (next >= count) return;
        i = next++;
      }
      Outcome outcome = work(i, worker);
      const std::lock_guard lock(mutex);
      outcomes[i] = std::move(outcome);
      ready.notify_all();
    }
  };
  std::vector<std::jthread> threads;
  for (Worker& worker : workers) threads.emplace_back(run, std::ref(worker));

  for (std::size_t i = 0; i < count; ++i) {
    std::optional<Outcome> outcome;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return outcomes[i].has_value(); });
      outcome = std::move(outcomes[i]);
      outcomes[i].reset();
    }
    take(i, std::move(*outcome));
  }
}

}  // namespace intake

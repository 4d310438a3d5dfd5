"""The one backoff formula, as the schedules that use it count."""

from dateline.lib.backoff import Backoff, backoff_delay


def test_the_delay_doubles_after_each_failure_up_to_the_longest():
    delays = [backoff_delay(failures, first=30, longest=3600) for failures in range(1, 10)]
    assert delays == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]


def test_before_any_failure_the_delay_is_the_first():
    assert backoff_delay(0, first=0.5, longest=10) == 0.5


def test_the_frontend_purge_schedule_is_two_four_eight_seconds_up_to_five_minutes():
    delays = [backoff_delay(attempt, first=2, longest=300) for attempt in (1, 2, 3, 8, 9)]
    assert delays == [2, 4, 8, 256, 300]


def test_the_worker_waits_half_a_second_then_doubles_up_to_its_cap():
    backoff = Backoff(first=0.5, cap=10)
    delays = []
    for _ in range(7):
        backoff.failures += 1
        delays.append(backoff.delay())
    assert delays == [0.5, 1, 2, 4, 8, 10, 10]
    backoff.succeeded()
    assert backoff.delay() == 0.5

//! Checks every algorithm's tests share.

use stepwise::algorithm::Algorithm;
use stepwise::trace::Timeline;

/// Seeks `timeline` to each target (modulo its length) and checks that the state equals
/// replaying from the start, and that `back` after `forward` restores it exactly. `replay` is a
/// second timeline of the same run. Returns what went wrong, for `prop_assert!`.
pub fn seeks_match_replay<A: Algorithm>(
    timeline: &mut Timeline<A>,
    replay: &mut Timeline<A>,
    targets: &[usize],
) -> Result<(), String>
where
    A::State: PartialEq + std::fmt::Debug,
{
    for &target in targets {
        let target = target % (timeline.len() + 1);
        timeline.seek(target);
        replay.seek(0);
        while replay.position() < target {
            replay.forward();
        }
        if timeline.state() != replay.state() {
            return Err(format!(
                "seek({target}) differs from replaying {target} steps"
            ));
        }
        let before = timeline.state().clone();
        if timeline.forward() {
            timeline.back();
            if timeline.state() != &before {
                return Err(format!(
                    "back after forward at {target} does not restore the state"
                ));
            }
        }
    }
    Ok(())
}

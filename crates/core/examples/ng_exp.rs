use std::time::Instant;
use stepwise::algo::next_greater::{next_greater, Variant};


fn branchless(values: &[f64]) -> Vec<i32> {
    const K: usize = 4;
    let n = values.len();
    let mut answer = vec![0i32; n];
    let mut sv: Vec<f64> = vec![f64::INFINITY; 1024];
    let mut si: Vec<i32> = vec![-1; 1024];
    let mut top = K;
    for index in (0..n).rev() {
        let x = values[index];
        if x.is_nan() { answer[index] = -1; continue; }
        let k = (sv[top - 1] <= x) as usize + (sv[top - 2] <= x) as usize + (sv[top - 3] <= x) as usize + (sv[top - 4] <= x) as usize;
        top = (top - k).max(K);
        if k == K {
            while top > K && sv[top - 1] <= x { top -= 1; }
        }
        answer[index] = si[top - 1];
        if top == sv.len() { sv.resize(2 * top, 0.0); si.resize(2 * top, 0); }
        sv[top] = x; si[top] = index as i32;
        top += 1;
    }
    answer
}

fn floor(values: &[f64]) -> Vec<i32> {
    let mut answer = vec![0i32; values.len()];
    for (a, v) in answer.iter_mut().zip(values).rev() { *a = (*v > 0.5) as i32; }
    answer
}

fn windowed(values: &[f64]) -> Vec<i32> {
    const W: usize = 8;
    let n = values.len();
    let mut answer = vec![0i32; n];
    if n <= W { return next_greater(values, Variant::default()); }
    // tail: plain
    let tail_start = n - W;
    // right-to-left so that answers to the right are known for the jumps
    let tail = next_greater(&values[tail_start..], Variant::default());
    for (k, a) in tail.iter().enumerate() { answer[tail_start + k] = if *a < 0 { -1 } else { *a + tail_start as i32 }; }
    // but tail answers are local only: elements with -1 in the tail are truly -1 (nothing right of n)
    for i in (0..tail_start).rev() {
        let x = values[i];
        let w = &values[i + 1..i + 1 + W];
        let mut mask = 0u32;
        for d in 0..W { mask |= ((w[d] > x) as u32) << d; }
        if mask != 0 {
            answer[i] = (i + 1 + mask.trailing_zeros() as usize) as i32;
        } else if x.is_nan() {
            answer[i] = -1;
        } else {
            // everything in i+1..=i+W is <= x; jump from the last of them
            let mut j = (i + W) as i32;
            loop {
                j = answer[j as usize];
                if j < 0 || values[j as usize] > x { break; }
            }
            answer[i] = j;
        }
    }
    answer
}

fn main() {
    let n = 10_000_000usize;
    let mut s: u64 = 0x9E3779B97F4A7C15;
    let values: Vec<f64> = (0..n).map(|_| { s ^= s << 13; s ^= s >> 7; s ^= s << 17; (s >> 11) as f64 / (1u64<<53) as f64 }).collect();
    for _ in 0..3 {
        let t = Instant::now();
        let a = next_greater(&values, Variant::default());
        let t1 = t.elapsed();
        let t = Instant::now();
        let b = branchless(&values);
        let t2b = std::time::Instant::now();
        let w = windowed(&values);
        println!("windowed {:?}", t2b.elapsed());
        assert_eq!(a, w);
        let t2 = t.elapsed();
        let t = Instant::now();
        let f = floor(&values);
        println!("floor {:?} {}", t.elapsed(), f[0]);
        let t = Instant::now();
        let c = values.clone();
        let t3 = t.elapsed();
        assert_eq!(a, b);
        println!("current {:?} branchless {:?} clone {:?} {}", t1, t2, t3, c.len());
    }
}

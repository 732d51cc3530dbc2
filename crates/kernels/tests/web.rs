//! The kernel module in a real browser: the copying kernels and the zero-copy handles give the
//! same answers, views detach when memory grows, and bad arguments are JS `Error`s with a
//! message; the sorting kernels check numbers before they become integers (1.5, −1, NaN and
//! text are Errors naming `n`) and sort each typed-array kind into its own kind. Run by
//! `cargo xtask test` (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use stepwise_kernels::{
    comparison_lower_bound, fit_line, intersect, label_model, merge_insertion_sort, next_greater,
    rate_limit, rect_sum, roc_curve, sort_values, sorting_network, summed_area_table, weighted_iou,
    Integers, IntegralImage, Matrix, Samples, Values,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::CanvasRenderingContext2d;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../../page/tests/support/js.rs"]
mod js;
use js::{canvas, error_message, object};

#[wasm_bindgen_test]
fn next_greater_reads_its_options_and_refuses_unknown_ones() {
    let error = next_greater(&[1.0], object(r#"{"sideways":true}"#))
        .err()
        .unwrap();
    assert_eq!(
        error_message(error),
        "unknown option 'sideways' (known options: previous, smaller, circular)"
    );
    let error = next_greater(&[1.0], JsValue::from_str("circular"))
        .err()
        .unwrap();
    assert_eq!(
        error_message(error),
        "options must be an object such as { circular: true }"
    );
    let answer = next_greater(&[3.0, 1.0, 2.0], object(r#"{"circular":true}"#)).unwrap();
    assert_eq!(answer, vec![-1, 2, 0]);
}

#[wasm_bindgen_test]
fn summed_area_kernels_answer_and_refuse_clearly() {
    let table = summed_area_table(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 2.0, 3.0).unwrap();
    assert_eq!(
        table,
        vec![0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 3.0, 6.0, 0.0, 5.0, 12.0, 21.0]
    );
    assert_eq!(
        rect_sum(&table, 2.0, 3.0, 0.0, 1.0, 1.0, 2.0).unwrap(),
        16.0
    );
    assert_eq!(
        weighted_iou(
            &table,
            2.0,
            3.0,
            &[0.0, 0.0, 1.0, 1.0],
            &[0.0, 1.0, 1.0, 2.0]
        )
        .unwrap(),
        7.0 / 21.0
    );
    let error = rect_sum(&table, 2.0, 3.0, 1.0, 0.0, 0.0, 0.0)
        .err()
        .unwrap();
    assert_eq!(
        error_message(error),
        "rectangle: r0 ≤ r1 and c0 ≤ c1 are needed, got rows 1..0 and columns 0..0"
    );
    let error = rect_sum(&table, 2.0, 3.0, 0.0, 0.0, 2.0, 0.0)
        .err()
        .unwrap();
    assert!(error_message(error)
        .starts_with("rectangle: rows 0..2, columns 0..0 is outside the 2×3 matrix"));
    let error = summed_area_table(&[1.0, 2.0, 3.0], 2.0, 2.0).err().unwrap();
    assert_eq!(
        error_message(error),
        "3 values do not make a 2×2 matrix (2·2 are needed)"
    );
    let error = weighted_iou(&table, 2.0, 3.0, &[0.0, 0.0], &[0.0, 0.0, 0.0, 0.0])
        .err()
        .unwrap();
    assert_eq!(
        error_message(error),
        "rectangle a: expected [r0, c0, r1, c1], got 2 numbers"
    );
    let error = rect_sum(&table, 3.0, 3.0, 0.0, 0.0, 0.0, 0.0)
        .err()
        .unwrap();
    assert!(error_message(error).starts_with("the table has 12 numbers"));
    // Hostile sizes are refused, never wrapped around.
    let error = rect_sum(&[], -1.0, 5.0, 0.0, 0.0, 0.0, 0.0).err().unwrap();
    assert_eq!(
        error_message(error),
        "rows must be a whole number from 0 to 67108864, not -1"
    );
    let error = summed_area_table(&[], 0.0, 3e8).err().unwrap();
    assert!(error_message(error).starts_with("cols must be a whole number"));
    let error = summed_area_table(&[], 2.0, 5e7).err().unwrap();
    assert!(error_message(error).starts_with("a 2×50000000 matrix needs a table of more than"));
}

#[wasm_bindgen_test]
fn intersect_takes_typed_arrays_and_refuses_unknown_modes() {
    assert_eq!(
        intersect(vec![1, 2, 2, 1], vec![2, 2], None).unwrap(),
        vec![2, 2]
    );
    assert_eq!(
        intersect(vec![1, 2, 2, 1], vec![2, 2], Some("set".into())).unwrap(),
        vec![2]
    );
    assert_eq!(
        intersect(
            vec![i32::MAX, i32::MIN],
            vec![i32::MIN, 0, i32::MAX],
            Some("multiset".into())
        )
        .unwrap(),
        vec![i32::MIN, i32::MAX]
    );
    let error = intersect(vec![1], vec![1], Some("bag".into()))
        .err()
        .unwrap();
    assert_eq!(
        error_message(error),
        "mode must be \"multiset\" or \"set\", not 'bag'"
    );
}

#[wasm_bindgen_test]
fn matrix_handles_match_the_copying_kernels_without_copies() {
    let values: Vec<f64> = (0..12).map(|value| f64::from(value) - 3.0).collect();
    let matrix = Matrix::zeros(3.0, 4.0).unwrap();
    assert_eq!((matrix.rows(), matrix.cols()), (3, 4));
    matrix.view().copy_from(&values);
    let table = matrix.summed_area_table();
    let copied = summed_area_table(&values, 3.0, 4.0).unwrap();
    assert_eq!(table.view().to_vec(), copied);
    assert_eq!(
        table.rect_sum(0.0, 1.0, 2.0, 3.0).unwrap(),
        rect_sum(&copied, 3.0, 4.0, 0.0, 1.0, 2.0, 3.0).unwrap()
    );
    assert_eq!(
        table
            .weighted_iou(&[0.0, 0.0, 1.0, 1.0], &[1.0, 1.0, 2.0, 2.0])
            .unwrap(),
        weighted_iou(
            &copied,
            3.0,
            4.0,
            &[0.0, 0.0, 1.0, 1.0],
            &[1.0, 1.0, 2.0, 2.0]
        )
        .unwrap()
    );
    // Growing wasm memory detaches old views; a fresh view still reads the same values.
    let stale = matrix.view();
    let growth = vec![0u8; 64 << 20];
    assert!(!growth.is_empty());
    assert_eq!(
        stale.length(),
        0,
        "a view taken before the growth is detached, never stale"
    );
    assert_eq!(matrix.view().to_vec(), values);
    let copy = matrix.duplicate();
    copy.view().fill(0.0, 0, 12);
    assert_eq!(
        matrix.view().to_vec(),
        values,
        "a clone is a separate matrix"
    );
    assert_eq!((copy.rows(), copy.cols()), (3, 4));
    let error = table.rect_sum(0.0, 0.0, 3.0, 0.0).err().unwrap();
    assert!(error_message(error).starts_with("rectangle: rows 0..3"));
}

#[wasm_bindgen_test]
fn resident_arrays_give_the_copying_kernels_answers() {
    let scores = [0.9, 0.8, 0.3, 0.1];
    let labels = [1u8, 0, 1, 0];
    let samples = Samples::zeros(4.0).unwrap();
    samples.scores().copy_from(&scores);
    samples.labels().copy_from(&labels);
    let resident = samples.roc_curve(JsValue::UNDEFINED).unwrap();
    let copied = roc_curve(&scores, &labels, JsValue::UNDEFINED).unwrap();
    let auc = |value: &JsValue| js_sys::Reflect::get(value, &"auc".into()).unwrap().as_f64();
    assert_eq!(auc(&resident), auc(&copied));
    assert_eq!(auc(&resident), Some(0.75));

    let values = Values::zeros(7.0).unwrap();
    values
        .view()
        .copy_from(&[2.0, 7.0, 3.0, 5.0, 4.0, 6.0, 8.0]);
    assert_eq!(
        values.next_greater(JsValue::UNDEFINED).unwrap(),
        vec![1, 6, 3, 5, 5, 6, -1]
    );

    let (a, b) = (Integers::zeros(4.0).unwrap(), Integers::zeros(2.0).unwrap());
    a.view().copy_from(&[1, 2, 2, 1]);
    b.view().copy_from(&[2, 2]);
    assert_eq!(a.intersect(&b, None).unwrap(), vec![2, 2]);
    assert_eq!(a.intersect(&b, Some("set".into())).unwrap(), vec![2]);
    let error = Values::zeros(-1.0).err().unwrap();
    assert!(error_message(error).starts_with("length must be a whole number"));
}

#[wasm_bindgen_test]
fn an_integral_image_fills_and_blurs_on_a_canvas() {
    let (width, height) = (400, 200);
    let (_canvas, context) = canvas(width, height);
    let mut image = IntegralImage::test_pattern(64).unwrap();
    assert_eq!((image.width(), image.height()), (64, 64));
    assert!(image.fill(10.0));
    assert_eq!(image.filled_rows(), 10);
    assert!(image.fill(-1.0), "a negative count fills nothing");
    assert_eq!(image.filled_rows(), 10);
    while image.fill(10.0) {}
    let snapshot = |context: &CanvasRenderingContext2d| {
        context
            .get_image_data(0.0, 0.0, 200.0, 200.0)
            .unwrap()
            .data()
            .to_vec()
    };
    image
        .draw(&context, width as f64, height as f64, 0.0, "light")
        .unwrap();
    let sharp = snapshot(&context);
    image
        .draw(&context, width as f64, height as f64, 6.0, "light")
        .unwrap();
    assert_ne!(snapshot(&context), sharp, "the blur changes the picture");
    let error = IntegralImage::from_rgba(&[0; 12], 2, 2).err().unwrap();
    assert_eq!(
        error_message(error),
        "12 bytes are not the RGBA pixels of a 2×2 image"
    );
}

#[wasm_bindgen_test]
fn rate_limit_returns_typed_arrays_and_names_what_is_wrong() {
    let get =
        |result: &js_sys::Object, key: &str| js_sys::Reflect::get(result, &key.into()).unwrap();
    let times = [0.7, 0.8, 0.9, 1.0, 1.1, 1.2];
    let fixed = rate_limit(
        &times,
        object(r#"{"method":"fixed-window","limit":3,"window":1}"#),
    )
    .unwrap();
    let allowed = js_sys::Uint8Array::new(&get(&fixed, "allowed")).to_vec();
    assert_eq!(allowed, vec![1; 6], "the fixed window lets all six through");
    let log = rate_limit(
        &times,
        object(r#"{"method":"sliding-log","limit":3,"window":1}"#),
    )
    .unwrap();
    let release = js_sys::Float64Array::new(&get(&log, "release")).to_vec();
    assert_eq!(&release[..3], &[0.7, 0.8, 0.9]);
    assert!(
        release[3..].iter().all(|time| time.is_nan()),
        "rejected: NaN"
    );
    let queue = rate_limit(
        &[1.0, 1.0],
        object(r#"{"method":"leaky-queue","limit":3,"rate":2}"#),
    )
    .unwrap();
    assert_eq!(
        js_sys::Float64Array::new(&get(&queue, "release")).to_vec(),
        vec![1.0, 1.5]
    );
    // The resident handle answers the same.
    let values = Values::zeros(times.len() as f64).unwrap();
    values.view().copy_from(&times);
    let resident = values
        .rate_limit(object(r#"{"method":"fixed-window","limit":3,"window":1}"#))
        .unwrap();
    assert_eq!(
        js_sys::Uint8Array::new(&get(&resident, "allowed")).to_vec(),
        vec![1; 6]
    );
    let message = |times: &[f64], options: &str| {
        error_message(rate_limit(times, object(options)).err().unwrap())
    };
    assert_eq!(
        message(
            &[1.0, 2.0, 3.0, 2.5],
            r#"{"method":"sliding-log","limit":3,"window":1}"#
        ),
        "times[3]: 2.5 is earlier than the previous time 3"
    );
    assert_eq!(
        message(&[1.0], r#"{"method":"token-bucket","limit":3}"#),
        "option 'rate' is required for token-bucket"
    );
    assert_eq!(
        message(&[1.0], r#"{"method":"sliding-log","limit":0,"window":1}"#),
        "limit must be a whole number from 1 to 1,000,000,000, not 0"
    );
    assert!(message(
        &[1.0],
        r#"{"method":"sliding-log","limit":3,"window":1,"burst":2}"#
    )
    .starts_with("unknown option 'burst'"));
    assert!(message(&[1.0], r#"{"method":"magic","limit":3}"#)
        .starts_with("option 'method' must be one of fixed-window"));
}

#[wasm_bindgen_test]
fn roc_curve_returns_typed_arrays_and_clear_errors() {
    let result = roc_curve(&[0.9, 0.8, 0.3, 0.1], &[1, 0, 1, 0], JsValue::UNDEFINED).unwrap();
    let auc = js_sys::Reflect::get(&result, &"auc".into()).unwrap();
    assert_eq!(auc.as_f64(), Some(0.75));
    let thresholds = js_sys::Reflect::get(&result, &"thresholds".into()).unwrap();
    let thresholds: js_sys::Float64Array = thresholds.dyn_into().unwrap();
    assert_eq!(thresholds.get_index(0), f64::INFINITY);
    assert_eq!(thresholds.length(), 5);
    let weights = js_sys::Object::new();
    js_sys::Reflect::set(
        &weights,
        &"weights".into(),
        &js_sys::Float64Array::from(&[1.0, 1.0, -1.0, 1.0][..]).into(),
    )
    .unwrap();
    let error = roc_curve(&[0.9, 0.8, 0.3, 0.1], &[1, 0, 1, 0], weights.into())
        .err()
        .unwrap();
    assert_eq!(
        error_message(error),
        "weights[2] is -1: weights must be finite and non-negative"
    );
    let error = roc_curve(&[0.9], &[1], object(r#"{"dropIntermediates":true}"#))
        .err()
        .unwrap();
    assert!(error_message(error).starts_with("unknown option 'dropIntermediates'"));
    let error = roc_curve(&[0.9, 0.5], &[1, 1], JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert!(error_message(error).contains("AUC are undefined"));
}

/// `object[key]`.
fn field(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn networks_come_back_as_typed_arrays_and_bad_arguments_are_named() {
    let network = sorting_network(JsValue::from(8.0), JsValue::from_str("bitonic")).unwrap();
    let comparators: js_sys::Uint32Array = field(&network, "comparators").dyn_into().unwrap();
    let layers: js_sys::Uint32Array = field(&network, "layers").dyn_into().unwrap();
    assert_eq!(comparators.length(), 2 * 24);
    assert_eq!(layers.length(), 24);
    assert_eq!(field(&network, "depth").as_f64(), Some(6.0));
    let empty = sorting_network(JsValue::from(1.0), JsValue::from_str("odd-even-merge")).unwrap();
    assert_eq!(field(&empty, "depth").as_f64(), Some(0.0));
    for bad in [
        JsValue::from(1.5),
        JsValue::from(-1.0),
        JsValue::from(65_537.0),
        JsValue::from(f64::NAN),
        JsValue::from_str("8"),
    ] {
        let error = sorting_network(bad, JsValue::from_str("bitonic")).unwrap_err();
        let message = error_message(error.clone());
        assert!(
            message.starts_with("n must be a whole number from 0 to 65536"),
            "{message}"
        );
        assert_eq!(field(&error, "field").as_string().as_deref(), Some("n"));
    }
    let error = sorting_network(JsValue::from(8.0), JsValue::from_str("aks")).unwrap_err();
    assert_eq!(field(&error, "field").as_string().as_deref(), Some("kind"));
    assert!(error_message(error).contains("'aks'"));
}

#[wasm_bindgen_test]
fn merge_insertion_counts_and_leaves_its_input_alone() {
    let values = [5.0, -0.0, 3.0, 0.0, 1.0];
    let copy = values;
    let result = merge_insertion_sort(&values).unwrap();
    let sorted: js_sys::Float64Array = field(&result, "sorted").dyn_into().unwrap();
    let sorted = sorted.to_vec();
    assert_eq!(
        sorted
            .iter()
            .map(|value| value.to_bits())
            .collect::<Vec<_>>(),
        [-0.0f64, 0.0, 1.0, 3.0, 5.0]
            .iter()
            .map(|value| value.to_bits())
            .collect::<Vec<_>>()
    );
    assert!(field(&result, "comparisons").as_f64().unwrap() <= 7.0);
    assert_eq!(values, copy);
    let error = merge_insertion_sort(&[1.0, f64::NAN]).unwrap_err();
    assert!(error_message(error).contains("values[1]"));
}

#[wasm_bindgen_test]
fn lower_bounds_are_numbers_and_refuse_what_is_not_a_count() {
    assert_eq!(comparison_lower_bound(JsValue::from(12.0)).unwrap(), 29.0);
    assert_eq!(comparison_lower_bound(JsValue::from(0.0)).unwrap(), 0.0);
    for bad in [JsValue::from(2.5), JsValue::from(20_001.0), JsValue::NULL] {
        assert!(error_message(comparison_lower_bound(bad).unwrap_err()).starts_with("n must be"));
    }
}

#[wasm_bindgen_test]
fn every_typed_array_kind_sorts_into_its_own_kind() {
    let floats = js_sys::Float64Array::from(&[2.5, -1.0, 0.0, -0.0][..]);
    let sorted: js_sys::Float64Array = sort_values(floats.clone().into())
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(
        sorted
            .to_vec()
            .iter()
            .map(|value| value.to_bits())
            .collect::<Vec<_>>(),
        [-1.0f64, -0.0, 0.0, 2.5]
            .iter()
            .map(|value| value.to_bits())
            .collect::<Vec<_>>()
    );
    assert_eq!(floats.to_vec()[0], 2.5, "the input is not modified");
    let integers = js_sys::Int32Array::from(&[3, i32::MIN, 0, -7][..]);
    let sorted: js_sys::Int32Array = sort_values(integers.into()).unwrap().dyn_into().unwrap();
    assert_eq!(sorted.to_vec(), vec![i32::MIN, -7, 0, 3]);
    let unsigned = js_sys::Uint32Array::from(&[u32::MAX, 0, 9][..]);
    let sorted: js_sys::Uint32Array = sort_values(unsigned.into()).unwrap().dyn_into().unwrap();
    assert_eq!(sorted.to_vec(), vec![0, 9, u32::MAX]);
    let error = sort_values(js_sys::Float64Array::from(&[1.0, f64::NAN][..]).into()).unwrap_err();
    assert!(error_message(error).contains("values[1]"));
    let error = sort_values(JsValue::from_str("1 2 3")).unwrap_err();
    assert!(error_message(error).contains("Float64Array"));
}

#[wasm_bindgen_test]
fn fit_line_fits_names_bad_options_and_leaves_its_input_alone() {
    let (x, y) = ([0.0, 1.0, 2.0, 3.0], [1.0, 3.0, 5.0, 7.0]);
    let fitted = fit_line(&x, &y, object(r#"{"loss":"squared"}"#)).unwrap();
    assert_eq!(field(&fitted, "slope").as_f64(), Some(2.0));
    assert_eq!(
        field(&fitted, "logLikelihood").as_f64(),
        Some(f64::INFINITY)
    );
    let residuals: js_sys::Float64Array = field(&fitted, "residuals").dyn_into().unwrap();
    assert_eq!(residuals.to_vec(), vec![0.0; 4]);
    assert_eq!(y, [1.0, 3.0, 5.0, 7.0]);
    let median = fit_line(
        &[],
        &[1.0, 9.0, 2.0],
        object(r#"{"loss":"absolute","model":"constant"}"#),
    )
    .unwrap();
    assert_eq!(field(&median, "intercept").as_f64(), Some(2.0));
    for (options, expected) in [
        (r#"{}"#, "option 'loss' must be"),
        (r#"{"loss":"cubic"}"#, "option 'loss' must be"),
        (
            r#"{"loss":"huber"}"#,
            "delta must be a finite number above 0",
        ),
        (r#"{"loss":"huber","delta":0}"#, "delta must be"),
        (
            r#"{"loss":"squared","model":"parabola"}"#,
            "option 'model' must be one of line, constant",
        ),
        (r#"{"loss":"squared","sigma":1}"#, "unknown option 'sigma'"),
    ] {
        let message = error_message(fit_line(&x, &y, object(options)).unwrap_err());
        assert!(message.starts_with(expected), "{options}: {message}");
    }
    let message = error_message(
        fit_line(&[1.0, 1.0], &[1.0, 2.0], object(r#"{"loss":"squared"}"#)).unwrap_err(),
    );
    assert!(message.starts_with("every x is 1"), "{message}");
}

#[wasm_bindgen_test]
fn label_model_answers_in_typed_arrays_and_names_what_is_wrong() {
    // Three items × three sources, two classes; item 2 has no vote.
    let votes = [0, 0, 1, 1, 1, -1, -1, -1, -1];
    let shape = r#""items":3,"sources":3,"classes":2"#;
    let majority = label_model(
        &votes,
        object(&format!(r#"{{{shape},"method":"majority"}}"#)),
    )
    .unwrap();
    let labels: js_sys::Int32Array = field(&majority, "labels").dyn_into().unwrap();
    assert_eq!(labels.to_vec(), vec![0, 1, -1]);
    let shares: js_sys::Float64Array = field(&majority, "probabilities").dyn_into().unwrap();
    assert_eq!(shares.to_vec()[..2], [2.0 / 3.0, 1.0 / 3.0]);
    let confusion: js_sys::Float64Array = field(&majority, "confusion").dyn_into().unwrap();
    assert_eq!(confusion.length(), 0);
    assert_eq!(field(&majority, "iterations").as_f64(), Some(0.0));
    let options = format!(r#"{{{shape},"method":"dawid-skene","abstain":"outcome"}}"#);
    let model = label_model(&votes, object(&options)).unwrap();
    let confusion: js_sys::Float64Array = field(&model, "confusion").dyn_into().unwrap();
    assert_eq!(confusion.length(), 3 * 2 * 3);
    let prior: js_sys::Float64Array = field(&model, "prior").dyn_into().unwrap();
    assert!((prior.to_vec().iter().sum::<f64>() - 1.0).abs() < 1e-9);
    assert!(field(&model, "iterations").as_f64().unwrap() >= 1.0);
    assert_eq!(votes, [0, 0, 1, 1, 1, -1, -1, -1, -1]);
    for (votes, options, field_name, start) in [
        (
            &votes[..8],
            r#""method":"majority""#,
            "votes",
            "votes has 8 values",
        ),
        (
            &[0, 0, 2, 1, 1, -1, -1, -1, -1][..],
            r#""method":"majority""#,
            "votes[2]",
            "votes[2] is 2: each vote must be -1 (abstain) or a class from 0 to 1",
        ),
        (
            &votes[..],
            r#""method":"em""#,
            "method",
            "option 'method' must be one of",
        ),
        (
            &votes[..],
            r#""method":"dawid-skene","abstain":"skip""#,
            "abstain",
            "option 'abstain' must be one of",
        ),
        (
            &votes[..],
            r#""method":"majority","ties":"coin""#,
            "ties",
            "option 'ties' must be one of",
        ),
        (
            &votes[..],
            r#""method":"dawid-skene","tolerance":0"#,
            "tolerance",
            "tolerance must be a finite number above 0",
        ),
        (
            &votes[..],
            r#""method":"dawid-skene","maxIterations":0"#,
            "maxIterations",
            "maxIterations must be a whole number from 1",
        ),
        (
            &votes[..],
            r#""method":"majority","seed":1"#,
            "seed",
            "unknown option 'seed'",
        ),
    ] {
        let error = label_model(votes, object(&format!("{{{shape},{options}}}"))).unwrap_err();
        assert_eq!(
            field(&error, "field").as_string().as_deref(),
            Some(field_name)
        );
        let message = error_message(error);
        assert!(message.starts_with(start), "{options}: {message}");
    }
    let error = label_model(
        &votes,
        object(r#"{"items":3,"sources":3,"classes":1,"method":"majority"}"#),
    )
    .unwrap_err();
    assert_eq!(
        field(&error, "field").as_string().as_deref(),
        Some("classes")
    );
}

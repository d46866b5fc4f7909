//! How lawyers' years are scored and concluded: each part's weight (`EVALUATION_WEIGHTS`,
//! `duty=40,services=20,answers=15,satisfaction=15,complaints=10` unless set; they add up to
//! 100) and the district's scale of conclusions (`EVALUATION_SCALE`, `优秀,合格,基本合格,不合格`
//! unless set; two to six names of at most ten characters), and the checklist a quality review
//! scores each answer and record against (`REVIEW_CHECKLIST`, `事实清楚,依据准确,答复完整,及时回应,
//! 表达规范` unless set; two to ten items of at most twenty characters).

use super::ConfigError;

/// The parts a score is made of, in the order the card shows them.
pub const PARTS: [&str; 5] = ["duty", "services", "answers", "satisfaction", "complaints"];

/// The weights and the scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// A weight per part of [`PARTS`], in its order.
    pub weights: [u32; 5],
    pub scale: Vec<String>,
    pub checklist: Vec<String>,
}

impl Default for Evaluation {
    fn default() -> Evaluation {
        Evaluation {
            weights: [40, 20, 15, 15, 10],
            scale: ["优秀", "合格", "基本合格", "不合格"].map(String::from).to_vec(),
            checklist: ["事实清楚", "依据准确", "答复完整", "及时回应", "表达规范"].map(String::from).to_vec(),
        }
    }
}

/// The evaluation's settings from `get`.
pub fn from_lookup(get: &impl Fn(&str) -> Option<String>) -> Result<Evaluation, ConfigError> {
    let mut settings = Evaluation::default();
    if let Some(text) = get("EVALUATION_WEIGHTS").filter(|t| !t.trim().is_empty()) {
        settings.weights = weights(&text).ok_or_else(|| {
            ConfigError(format!(
                "EVALUATION_WEIGHTS: each of {} once as part=weight, adding up to 100 (got {text})",
                PARTS.join(", ")
            ))
        })?;
    }
    if let Some(text) = get("EVALUATION_SCALE").filter(|t| !t.trim().is_empty()) {
        settings.scale = names(&text, 6, 10).ok_or_else(|| {
            ConfigError(format!(
                "EVALUATION_SCALE: two to six different names of at most ten characters, by commas (got {text})"
            ))
        })?;
    }
    if let Some(text) = get("REVIEW_CHECKLIST").filter(|t| !t.trim().is_empty()) {
        settings.checklist = names(&text, 10, 20).ok_or_else(|| {
            ConfigError(format!(
                "REVIEW_CHECKLIST: two to ten different items of at most twenty characters, by commas (got {text})"
            ))
        })?;
    }
    Ok(settings)
}

/// Two to `most` different names of at most `chars` characters, by commas.
fn names(text: &str, most: usize, chars: usize) -> Option<Vec<String>> {
    let names: Vec<String> = text.split(',').map(|n| n.trim().to_owned()).collect();
    let fits = (2..=most).contains(&names.len())
        && names.iter().all(|n| !n.is_empty() && n.chars().count() <= chars)
        && names.iter().enumerate().all(|(k, n)| !names[..k].contains(n));
    fits.then_some(names)
}

fn weights(text: &str) -> Option<[u32; 5]> {
    let mut weights = [None; 5];
    for pair in text.split(',') {
        let (part, weight) = pair.split_once('=')?;
        let k = PARTS.iter().position(|p| *p == part.trim())?;
        if weights[k].is_some() {
            return None;
        }
        weights[k] = Some(weight.trim().parse::<u32>().ok().filter(|w| *w <= 100)?);
    }
    let weights = weights.map(|w| w.unwrap_or(0));
    (weights.iter().sum::<u32>() == 100).then_some(weights)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> Result<Evaluation, ConfigError> {
        from_lookup(&|key: &str| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| (*v).to_owned()))
    }

    #[test]
    fn weights_add_up_to_a_hundred_and_the_scale_has_distinct_names() {
        assert_eq!(read(&[]).expect("defaults"), Evaluation::default());
        let set =
            read(&[("EVALUATION_WEIGHTS", "duty=50, services=50"), ("EVALUATION_SCALE", "好,中,差")]).expect("set");
        assert_eq!((set.weights, set.scale.len()), ([50, 50, 0, 0, 0], 3));
        for bad in ["duty=50", "duty=60,duty=40", "duty=101", "speed=100", "duty=-1,services=101", "duty"] {
            assert!(read(&[("EVALUATION_WEIGHTS", bad)]).is_err(), "{bad}");
        }
        for bad in ["好", "好,好", "好,,差", "一二三四五六七八九十一,差", "a,b,c,d,e,f,g"] {
            assert!(read(&[("EVALUATION_SCALE", bad)]).is_err(), "{bad}");
        }
        let checklist = read(&[("REVIEW_CHECKLIST", "事实清楚, 依据准确")]).expect("set").checklist;
        assert_eq!(checklist, vec!["事实清楚", "依据准确"]);
        for bad in ["事实清楚", "a,a", "a,b,c,d,e,f,g,h,i,j,k", &format!("{},b", "长".repeat(21))] {
            assert!(read(&[("REVIEW_CHECKLIST", bad)]).is_err(), "{bad}");
        }
    }
}

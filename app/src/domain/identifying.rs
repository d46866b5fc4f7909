//! Whether a text still identifies a person, in every spelling a person would use: a phone
//! number (mobile or landline), an ID card or bank card number, or an e-mail address. Digits are
//! read as digits whether ASCII, full-width or Chinese (`一三八`, `壹叁捌`, `幺`, `〇`), and the
//! separators people put inside a number (spaces of any width, dashes, dots, brackets) do not
//! break it, so `138·0013·8000`, `１３８　００１３　８０００` and `一三八零零一三八零零零` are all
//! the one number.

/// Digits in a row (separators aside) that make a number personal: a phone, an ID, a card.
pub const IDENTIFYING_DIGITS: usize = 6;

/// The digit `c` stands for, if any.
fn digit(c: char) -> Option<u8> {
    let value = match c {
        '0'..='9' => c as u32 - '0' as u32,
        '０'..='９' => c as u32 - '０' as u32,
        '零' | '〇' | '○' | '洞' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' | '拐' => 7,
        '八' | '捌' => 8,
        '九' | '玖' | '勾' => 9,
        _ => return None,
    };
    u8::try_from(value).ok()
}

/// Characters people put between the groups of one number.
fn separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '－' | '—' | '–' | '.' | '．' | '·' | '•' | '/' | '／' | '(' | ')' | '（' | '）' | '_' | '+' | '＋'
        )
}

/// Each run of digits in `text`, as ASCII digits (an ID card's closing `X` included).
pub fn digit_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut current = String::new();
    // Separators never end a number (however many a person typed); anything else does.
    for c in text.chars() {
        if let Some(d) = digit(c) {
            current.push(char::from(b'0' + d));
        } else if matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ') && current.len() == 17 {
            current.push('X');
        } else if !current.is_empty() && !separator(c) {
            runs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// Whether `text` holds a number of [`IDENTIFYING_DIGITS`] digits or more in any spelling, an
/// e-mail address, or the digits of `phone`.
pub fn identifying(text: &str, phone: Option<&str>) -> bool {
    let runs = digit_runs(text);
    runs.iter().any(|run| run.len() >= IDENTIFYING_DIGITS)
        || text.contains(['@', '＠'])
        || phone.filter(|p| p.len() >= 4).is_some_and(|p| runs.iter().any(|run| run.contains(p)))
}

#[cfg(test)]
mod tests {
    use super::{digit_runs, identifying};

    /// Every spelling of `digits` (grouped as `groups`) a person would write.
    fn spellings(digits: &str, groups: &[usize]) -> Vec<String> {
        const STYLES: [[&str; 10]; 4] = [
            ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
            ["０", "１", "２", "３", "４", "５", "６", "７", "８", "９"],
            ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"],
            ["〇", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"],
        ];
        let separators = ["", " ", "　", "-", ".", "·", " - ", "－", "．", "/"];
        let mut out = Vec::new();
        for style in STYLES {
            for separator in separators {
                let mut text = String::new();
                let mut at = 0;
                for (k, size) in groups.iter().enumerate() {
                    if k > 0 {
                        text.push_str(separator);
                    }
                    for d in digits[at..at + size].bytes() {
                        text.push_str(style[usize::from(d - b'0')]);
                    }
                    at += size;
                }
                out.push(format!("我的电话是{text}，请回电"));
            }
        }
        out
    }

    #[test]
    fn numbers_that_identify_are_found_in_every_spelling() {
        for (digits, groups) in [
            ("13800138000", vec![3, 4, 4]),
            ("13800138000", vec![11]),
            ("13800138000", vec![1, 2, 4, 4]),
            ("075527801234", vec![4, 8]),
            ("075527801234", vec![4, 4, 4]),
            ("440306199001011234", vec![6, 8, 4]),
            ("6222020200112233445", vec![4, 4, 4, 4, 3]),
        ] {
            for text in spellings(digits, &groups) {
                assert!(identifying(&text, None), "{text}");
            }
        }
        assert!(identifying("电话 (0755) 2780-1234", None));
        assert!(identifying("+86 138 0013 8000", None));
        assert!(identifying("身份证44030619900101123X", None));
        assert!(identifying("幺三八洞洞幺三八洞洞洞", None), "spoken digits");
        assert!(identifying("发邮件到 a@b.cn", None));
        assert!(identifying("发邮件到 a＠b.cn", None));
        assert!(identifying("尾号8000", Some("8000")));
    }

    #[test]
    fn ordinary_text_is_not_flagged() {
        for text in [
            "借了5000元，两年内起诉",
            "2026年1月",
            "二〇二六年一月三日",
            "第1、2、3条",
            "劳动合同法第八十二条",
            "工资5000元，加班费2000元，共7000元",
            "一二三",
            "三五天内答复",
            "第 1 条、第 2 条",
        ] {
            assert!(!identifying(text, None), "{text}: {:?}", digit_runs(text));
        }
    }
}

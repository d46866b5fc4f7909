//! What the server records by key, in the reader's language: the audit log's actions and a
//! question's hand-over reasons. A key missing here shows as itself, which the browser specs
//! refuse on the Chinese screens.

use crate::i18n::Lang;

/// Each audit action: its key, Chinese and English.
const ACTIONS: &[(&str, &str, &str)] = &[
    ("sign_in", "登录", "Signed in"),
    ("sign_in_failed", "登录失败", "Sign-in failed"),
    ("staff_account_create", "新建工作人员账号", "Staff account created"),
    ("staff_account_change", "修改工作人员账号", "Staff account changed"),
    ("lawyer_account", "设置律师账号", "Lawyer's account set"),
    ("lawyer_change", "修改律师信息", "Lawyer changed"),
    ("lawyer_retire", "律师退出项目", "Lawyer left the programme"),
    ("firm_change", "修改律师事务所", "Law firm changed"),
    ("member_add", "添加团队成员", "Team member added"),
    ("member_remove", "移除团队成员", "Team member removed"),
    ("lawyers_import", "导入律师", "Lawyers imported"),
    ("assignment_change", "调整律师安排", "Assignment changed"),
    ("assignments_import", "导入律师安排", "Assignments imported"),
    ("community_create", "新建社区", "Community created"),
    ("community_place", "修改社区名称或街道", "Community renamed or moved"),
    ("community_change", "修改社区信息", "Community changed"),
    ("community_retire", "社区退出项目", "Community left the programme"),
    ("street_change", "修改街道", "Street changed"),
    ("street_retire", "街道退出项目", "Street left the programme"),
    ("street_close", "街道闭馆", "Street closed for a day"),
    ("calendar_save", "设置日历", "Calendar day set"),
    ("calendar_remove", "删除日历设置", "Calendar day removed"),
    ("calendar_import", "导入日历", "Calendar imported"),
    ("booking_rules_save", "设置预约规则", "Booking rules set"),
    ("booking_rules_clear", "恢复全区预约规则", "Booking rules reset"),
    ("bookings_settle", "批量处理预约", "Bookings settled"),
    ("booking_confirm", "确认预约", "Booking confirmed"),
    ("booking_decline", "拒绝预约", "Booking declined"),
    ("booking_complete", "完成咨询", "Consultation completed"),
    ("booking_no_show", "居民未到", "Resident did not come"),
    ("booking_note", "修改预约备注", "Booking note changed"),
    ("phone_reveal", "查看居民电话(电话咨询)", "Resident's number seen (phone consultation)"),
    ("meeting_link", "设置视频会议链接", "Meeting link set"),
    ("month_open", "重新打开月度记录", "Month reopened"),
    ("month_confirmed", "确认月度记录", "Month confirmed"),
    ("month_disputed", "对月度记录提出异议", "Month disputed"),
    ("month_locked", "锁定月度记录", "Month locked"),
    ("duty_correction_requested", "申请更正值班", "Duty correction asked"),
    ("duty_correction_approved", "批准值班更正", "Duty correction approved"),
    ("duty_correction_rejected", "驳回值班更正", "Duty correction rejected"),
    ("question_read", "查看居民问题", "Resident's question opened"),
    ("question_reassign", "转交问题", "Question reassigned"),
    ("faq_publish", "发布常见问题", "Common question published"),
    ("files_list", "查看居民资料列表", "Residents' files listed"),
    ("file_read", "打开居民资料", "Resident's file opened"),
    ("document_publish", "发布文书模板", "Template published"),
    ("document_revise", "更新文书模板", "Template revised"),
    ("article_save", "保存普法文章", "Article saved"),
    ("data_export", "居民下载个人信息", "Resident exported their data"),
    ("account_erase", "居民注销账号", "Resident erased their account"),
    ("assisted_booking", "代居民预约", "Booked for a resident"),
    ("assisted_question", "代居民提问", "Asked for a resident"),
    ("assisted_visit", "代居民预约上门公证", "Booked a home visit for a resident"),
    ("visit_hours", "保存上门公证时间", "Home-visit hours saved"),
    ("complaint_reply", "答复投诉", "Complaint answered"),
    ("thanks_record", "登记感谢信或锦旗", "Thanks recorded"),
    ("evaluation_conclude", "律师年度评价", "Lawyer's year concluded"),
    ("incident", "应急服务队", "Emergency team"),
    ("quality_review", "质量评查", "Quality review"),
    ("theme_save", "每月普法主题", "Monthly theme saved"),
    ("lecture_target", "入园入企讲座目标", "Lecture target set"),
];

/// How a resident agreed to be helped (the reason of an assisted booking or question).
const CONSENTS: &[(&str, &str, &str)] = &[
    ("code", "居民告知短信验证码", "the resident read back a code"),
    ("phone", "居民电话中同意", "the resident agreed on the phone"),
    ("desk", "居民当面同意", "the resident agreed at the desk"),
];

/// Each reason a question moved on its route.
const ROUTE_REASONS: &[(&str, &str, &str)] = &[
    ("asked", "居民提问", "asked"),
    ("deadline", "超时转下一位", "deadline passed"),
    ("on_leave", "律师请假", "lawyer on leave"),
    ("no_lawyer", "无在岗律师", "no lawyer"),
    ("claimed", "律师认领", "claimed"),
    ("claim_lapsed", "认领超时", "claim lapsed"),
    ("reassigned", "工作人员转交", "reassigned"),
];

fn find(table: &[(&'static str, &'static str, &'static str)], key: &str, lang: Lang) -> Option<&'static str> {
    let (_, zh, en) = table.iter().find(|(k, _, _)| *k == key)?;
    Some(if lang == Lang::En { en } else { zh })
}

/// An audit action in `lang` (the key itself when it is not known).
pub fn action(lang: Lang, key: &str) -> String {
    find(ACTIONS, key, lang).map_or_else(|| key.to_owned(), str::to_owned)
}

/// An audit entry's reason in `lang`: an assisted action's consent by name, any other as written.
pub fn reason(lang: Lang, action: &str, reason: &str) -> String {
    match action.strip_prefix("assisted_") {
        Some(_) => find(CONSENTS, reason, lang).map_or_else(|| reason.to_owned(), str::to_owned),
        None => reason.to_owned(),
    }
}

/// A route reason in `lang` (the key itself when it is not known).
pub fn route_reason(lang: Lang, key: &str) -> String {
    find(ROUTE_REASONS, key, lang).map_or_else(|| key.to_owned(), str::to_owned)
}

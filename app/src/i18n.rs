//! Every visible string, in Chinese (the default) and English.
//!
//! Both languages of a string sit on one line of the `texts!` table, so a missing translation is
//! a compile error rather than a blank on the screen. The server uses the same table for the
//! messages in its errors.

use serde::{Deserialize, Serialize};

/// A language the portal speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    /// 简体中文, the default.
    #[default]
    #[serde(rename = "zh-CN")]
    Zh,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The BCP 47 tag, as used in `<html lang>`, the `lang` cookie and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Reads a stored tag; anything unknown falls back to Chinese.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// Picks the first supported language of an `Accept-Language` header (weights ignored:
    /// browsers list languages in order of preference).
    pub fn from_accept_language(header: &str) -> Lang {
        header
            .split(',')
            .map(|part| part.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
            .find_map(|tag| {
                if tag.starts_with("zh") {
                    Some(Lang::Zh)
                } else if tag.starts_with("en") {
                    Some(Lang::En)
                } else {
                    None
                }
            })
            .unwrap_or_default()
    }

    /// The short name of weekday `n` (1 = Monday … 7 = Sunday).
    pub fn weekday(self, n: u8) -> &'static str {
        const ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
        const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        let i = usize::from(n.clamp(1, 7) - 1);
        match self {
            Lang::Zh => ZH[i],
            Lang::En => EN[i],
        }
    }

    /// This language's strings.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

macro_rules! texts {
    ($($key:ident: $zh:literal, $en:literal;)*) => {
        /// The portal's strings in one language.
        #[derive(Debug)]
        pub struct Texts { $(#[doc = $zh] pub $key: &'static str,)* }
        static ZH: Texts = Texts { $($key: $zh,)* };
        static EN: Texts = Texts { $($key: $en,)* };
    };
}

texts! {
    app_name: "法i社区", "Fa-i Community";
    tagline: "一社区一法律顾问 · 免费法律服务", "A lawyer for every community · free legal help";
    loading: "加载中…", "Loading…";
    back: "返回", "Back";

    tab_home: "首页", "Home";
    tab_booking: "预约", "Book";
    tab_questions: "咨询", "Ask";
    tab_library: "资料", "Library";
    tab_me: "我的", "Me";

    nav_desk: "工作台", "Desk";
    nav_communities: "社区", "Communities";
    nav_coverage: "覆盖情况", "Coverage";
    figure_streets: "街道", "Streets";
    figure_communities: "社区", "Communities";
    figure_active_lawyers: "在岗律师", "Lawyers on duty rosters";
    figure_without_a_lawyer: "未安排A角律师的社区：", "Communities without an A lawyer:";

    home_my_community: "我的社区", "My community";
    home_pick_community: "选择您所在的社区，找到您的社区法律顾问", "Choose your community to find its legal adviser";
    home_communities_count: "个社区", "communities";
    home_services: "免费服务：法律咨询 · 法治宣传 · 矛盾纠纷调处 · 出具法律意见", "Free services: legal advice · legal education · dispute mediation · legal opinions";
    community_team: "法律顾问团队", "Legal adviser team";
    community_office: "办公地点：", "Office: ";
    community_set_mine: "设为我的社区", "Make this my community";
    community_is_mine: "这是我的社区", "This is my community";
    community_none_assigned: "该社区暂未安排律师", "No lawyer is assigned to this community yet";
    role_a: "A角律师", "A lawyer";
    role_b: "B角律师", "B lawyer";
    role_coordinator: "统筹律师", "Coordinating lawyer";
    member_assistant: "律师助理", "Assistant";
    member_volunteer: "志愿者", "Volunteer";
    member_expert: "专家", "Expert";
    practice_areas: "擅长领域：", "Practice areas: ";
    languages: "语言：", "Languages: ";

    soon_title: "即将开放", "Coming soon";
    soon_questions: "在线咨询即将开放。", "Online questions open soon.";
    soon_library: "资料与普法文章即将开放。", "Documents and legal-education articles are coming soon.";

    me_title: "我的", "Me";
    me_signed_in_as: "已登录", "Signed in as";
    me_sign_in: "登录", "Sign in";
    me_sign_out: "退出登录", "Sign out";
    inbox: "消息", "Messages";
    me_settings: "显示设置", "Display";
    me_language: "语言 / Language", "Language / 语言";
    me_large_text: "大字模式", "Large text";
    me_high_contrast: "高对比度", "High contrast";

    sign_in_title: "登录", "Sign in";
    sign_in_resident: "居民", "Resident";
    sign_in_staff: "律师 / 工作人员", "Lawyer / staff";
    phone_label: "手机号", "Mobile number";
    phone_placeholder: "11位手机号", "11-digit mobile number";
    code_label: "验证码", "Code";
    code_placeholder: "6位数字", "6 digits";
    send_code: "获取验证码", "Send code";
    resend_in: "秒后可重新获取", "s until you can resend";
    code_sent: "验证码已发送，5分钟内有效", "Code sent; valid for 5 minutes";
    sign_in_submit: "登录", "Sign in";
    login_label: "登录名或手机号", "Login name or mobile number";
    password_label: "密码", "Password";
    second_factor_prompt: "已向您的手机发送验证码，请输入以完成登录", "We sent a code to your phone; enter it to finish signing in";

    err_phone: "请输入正确的11位中国大陆手机号", "Enter a valid 11-digit mainland China mobile number";
    err_code_format: "验证码为6位数字", "The code is 6 digits";
    err_code_wrong: "验证码不正确", "That code is not correct";
    err_code_expired: "验证码已失效，请重新获取", "That code has expired; request a new one";
    err_code_attempts: "错误次数过多，请重新获取验证码", "Too many wrong tries; request a new code";
    err_rate_limited: "操作太频繁，请稍后再试", "Too many requests; try again later";
    err_credentials: "登录名或密码不正确", "Wrong login or password";
    err_login_empty: "请输入登录名和密码", "Enter your login and password";
    err_sign_in_required: "请先登录", "Please sign in first";
    err_forbidden: "您没有权限执行此操作", "You are not allowed to do this";
    err_not_found: "没有找到该内容", "Not found";
    err_bad_request: "请求格式不正确", "The request is malformed";
    err_too_large: "提交的内容过大", "The request is too large";
    err_conflict: "与现有记录冲突", "This conflicts with an existing record";
    err_internal: "服务暂时不可用，请稍后再试", "The service is unavailable; try again later";
    err_network: "网络连接失败，请检查网络后重试", "Network error; check your connection and retry";
    err_cross_site: "拒绝来自其他网站的请求", "Requests from other sites are refused";
    err_use_password: "律师和工作人员请使用密码登录", "Lawyers and staff sign in with their password";
    err_account_disabled: "该账户已停用", "This account is disabled";

    channel_in_person: "到社区当面咨询", "In person at the office";
    channel_phone: "电话咨询", "By phone";
    channel_video: "视频咨询", "By video";
    topic_labour: "劳动争议", "Employment dispute";
    topic_family: "婚姻家庭", "Marriage and family";
    topic_debt: "借贷纠纷", "Loans and debts";
    topic_tenancy: "房屋租赁", "Housing and tenancy";
    topic_traffic: "交通事故", "Traffic accident";
    topic_consumer: "消费维权", "Consumer rights";
    topic_neighbours: "邻里纠纷", "Neighbour dispute";
    topic_other: "其他", "Other";
    status_pending: "待律师确认", "Waiting for the lawyer";
    status_confirmed: "已确认", "Confirmed";
    status_declined: "律师未能接受", "Declined";
    status_cancelled: "已取消", "Cancelled";
    status_completed: "已完成", "Completed";
    status_no_show: "未到场", "Missed";

    book_title: "预约律师", "Book a lawyer";
    book_pick_community: "请先选择您的社区", "Choose your community first";
    book_no_slots: "近两周暂无可预约时段", "No free times in the next two weeks";
    book_seats_left: "余", "left:";
    book_channel: "咨询方式", "How";
    book_topic: "咨询类别", "Topic";
    book_description: "简要说明您的问题", "Describe your question briefly";
    book_submit: "确认预约", "Book";
    book_sign_in_first: "登录后即可预约", "Sign in to book";
    book_pending_note: "律师确认后会短信通知您", "You will get an SMS when the lawyer confirms";
    book_code: "预约码", "Booking code";
    book_show_slip: "到场时请出示此页面或预约码", "Show this page or the code at the office";
    book_add_calendar: "加入日历", "Add to calendar";
    my_bookings: "我的预约", "My bookings";
    my_upcoming: "即将到来", "Upcoming";
    my_past: "历史预约", "Past";
    my_none: "暂无预约", "No bookings";
    cancel: "取消预约", "Cancel booking";
    cancel_reason: "取消原因", "Reason for cancelling";
    reschedule: "改约", "Reschedule";
    rate: "评价", "Rate";
    rate_comment: "评价内容(选填)", "Comment (optional)";
    rated: "已评价", "Rated";
    submit: "提交", "Submit";
    lawyer_label: "律师", "Lawyer";
    when_label: "时间", "When";
    where_label: "地点", "Where";

    desk_bookings: "预约处理", "Bookings";
    desk_confirm: "确认", "Confirm";
    desk_decline: "婉拒", "Decline";
    desk_complete: "已完成咨询", "Completed";
    desk_no_show: "未到场", "No-show";
    desk_reason: "原因", "Reason";
    desk_none: "暂无预约", "No bookings";
    duty_title: "值班安排", "Duty schedule";
    leave_title: "请假(期间预约转交后备律师)", "Leave (bookings go to the backup lawyer)";
    leave_from: "开始日期", "First day";
    leave_to: "结束日期", "Last day";
    leave_saved: "已登记。转交后备律师 / 无人接替的预约：", "Recorded. Bookings moved to the backup / with nobody to take them:";
    duty_days: "值班时间：", "Duty hours: ";

    waitlist_join: "已约满，加入候补", "Full: join the waitlist";
    waitlist_joined: "已加入候补，排在第", "On the waitlist, position";
    slot_full: "已满", "Full";
    err_slot_has_seats: "该时段仍有空位，请直接预约", "That time still has seats: book it";
    err_already_waiting: "您已在该时段的候补名单中", "You are already on this waitlist";
    err_slot_unavailable: "该时段不可预约", "That time cannot be booked";
    err_slot_full: "该时段已约满，请选择其他时间", "That time is full; choose another";
    err_too_many_bookings: "您的待办预约已达上限", "You already have the most bookings allowed";
    err_already_booked: "您已预约该时段", "You already booked this time";
    err_description: "请简要说明问题(不超过500字)", "Describe your question (up to 500 characters)";
    err_reason: "请填写原因(不超过200字)", "Give a reason (up to 200 characters)";
    err_too_late: "距预约开始不足2小时，无法取消或改约", "Less than 2 hours before the start: it can no longer be changed";
    err_not_cancellable: "该预约已无法更改", "This booking can no longer be changed";
    err_not_ratable: "咨询完成后才能评价，且只能评价一次", "You can rate once, after the consultation";
    err_rating: "评分为1到5分", "The rating is 1 to 5";
    err_channel: "该时段不提供此咨询方式", "That way of consulting is not offered at this time";
    err_schedule: "值班安排填写有误", "The duty schedule is not valid";
    err_wrong_state: "该预约当前状态不能执行此操作", "Not possible for a booking in this state";
    sms_booked: "【法i社区】您已预约{community}法律顾问：{when}，预约码{code}。{status}", "[Fa-i Community] Booked with {community}: {when}, code {code}. {status}";
    sms_confirmed: "【法i社区】律师已确认您的预约：{when}，预约码{code}。", "[Fa-i Community] Your booking {code} at {when} is confirmed.";
    sms_declined: "【法i社区】很抱歉，您{when}的预约({code})未能安排：{reason}", "[Fa-i Community] Sorry, booking {code} at {when} was declined: {reason}";
    sms_cancelled: "【法i社区】您{when}的预约({code})已取消。", "[Fa-i Community] Booking {code} at {when} is cancelled.";
    sms_moved_to_backup: "【法i社区】原定律师{when}请假，您的预约({code})已由本社区后备律师接待。如需取消请在“我的预约”操作。", "[Fa-i Community] Your lawyer is on leave at {when}; booking {code} is now with the community's backup lawyer. You can cancel it under My bookings.";
    sms_waitlist_offer: "【法i社区】您候补的{when}有空位了，先约先得，请尽快在“预约”中预约。", "[Fa-i Community] A seat at {when} you waited for is free; first come, first served. Book it now.";
    sms_reminder: "【法i社区】提醒：您预约的法律咨询将于{when}开始，地点：{place}，预约码{code}。", "[Fa-i Community] Reminder: your consultation starts {when} at {place}, code {code}.";
    sms_code: "【法i社区】您的验证码是{code}，5分钟内有效。如非本人操作请忽略。", "[Fa-i Community] Your code is {code}, valid for 5 minutes. Ignore this if you did not ask for it.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_first_supported_language() {
        assert_eq!(Lang::from_accept_language("en-US,en;q=0.9,zh;q=0.8"), Lang::En);
        assert_eq!(Lang::from_accept_language("zh-CN,zh;q=0.9,en;q=0.8"), Lang::Zh);
        assert_eq!(Lang::from_accept_language("fr-FR, en;q=0.5"), Lang::En);
        assert_eq!(Lang::from_accept_language("fr-FR"), Lang::Zh);
        assert_eq!(Lang::from_accept_language(""), Lang::Zh);
    }

    #[test]
    fn tags_round_trip_and_unknown_tags_fall_back_to_chinese() {
        for lang in [Lang::Zh, Lang::En] {
            assert_eq!(Lang::from_tag(lang.tag()), lang);
        }
        assert_eq!(Lang::from_tag("de"), Lang::Zh);
    }
}

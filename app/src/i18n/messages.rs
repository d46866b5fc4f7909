//! What only the server says: error messages in the caller's language and SMS texts.

texts! {
    /// What only the server says: error messages in the caller's language and SMS texts.
    Messages {
        member_assistant: "律师助理", "Assistant";
        member_volunteer: "志愿者", "Volunteer";
        member_expert: "专家", "Expert";
        err_code_wrong: "验证码不正确", "That code is not correct";
        err_code_expired: "验证码已失效，请重新获取", "That code has expired; request a new one";
        err_code_attempts: "错误次数过多，请重新获取验证码", "Too many wrong tries; request a new code";
        err_credentials: "登录名或密码不正确", "Wrong login or password";
        err_cross_site: "拒绝来自其他网站的请求", "Requests from other sites are refused";
        err_use_password: "律师和工作人员请在工作台用密码登录(见下方“律师 / 工作人员”)", "Lawyers and staff sign in on the workbench with their password (see “Lawyer / staff” below)";
        err_account_disabled: "该账户已停用", "This account is disabled";
        book_pending_note: "律师确认后会短信通知您", "You will get an SMS when the lawyer confirms";
        err_slot_has_seats: "该时段仍有空位，请直接预约", "That time still has seats: book it";
        err_already_waiting: "您已在该时段的候补名单中", "You are already on this waitlist";
        err_too_many_waiting: "您候补的时段已达上限（5个）", "You are already on the most waitlists allowed (5)";
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
        err_not_your_community: "该律师不在此社区值班", "That lawyer does not serve this community";
        err_already_on_duty: "已在值班中，请先签退", "Already on duty: check out first";
        err_not_on_duty: "当前没有进行中的值班", "There is no duty in progress";
        err_position: "位置信息无效", "That position is not valid";
        err_month_locked: "该月已锁定，请提交更正申请", "That month is locked: ask for a correction";
        err_future_date: "日期不能晚于今天", "The date cannot be after today";
        err_too_old: "只能登记最近三个月内的服务", "Only services of the last three months can be recorded";
        err_date: "请输入正确的日期", "Enter a valid date";
        err_month: "请输入正确的月份(如2026-11)", "Enter a valid month (like 2026-11)";
        err_people: "人数应在1到5000之间", "People served must be between 1 and 5000";
        err_summary: "请填写服务内容(不超过2000字)", "Describe the service (up to 2000 characters)";
        err_topic: "请填写主题(不超过200字)", "Enter the topic (up to 200 characters)";
        err_parties: "请填写当事人或服务对象(不超过200字)", "Enter the parties or for whom (up to 200 characters)";
        err_outcome: "请填写调处结果(不超过200字)", "Enter the outcome (up to 200 characters)";
        err_client_key: "请求编号无效，请刷新后重试", "Invalid request key: reload and try again";
        err_times: "请输入正确的时间，结束应晚于开始", "Enter valid times, the end after the start";
        err_month_state: "该月当前状态不能执行此操作", "Not possible for the month in its current state";
        err_correction_state: "该更正已处理", "That correction has already been decided";
        duty_no_position: "未提供位置", "No position given";
        duty_office_unplaced: "社区办公地点未登记坐标", "The office has no coordinates on record";
        duty_far_from_office: "签到位置不在办公地点附近", "Checked in away from the office";
        sms_booked: "【法i社区】您已预约{community}法律顾问：{when}，预约码{code}。{status}", "[Fa-i Community] Booked with {community}: {when}, code {code}. {status}";
        sms_confirmed: "【法i社区】律师已确认您的预约：{when}，预约码{code}。", "[Fa-i Community] Your booking {code} at {when} is confirmed.";
        sms_declined: "【法i社区】很抱歉，您{when}的预约({code})未能安排：{reason}", "[Fa-i Community] Sorry, booking {code} at {when} was declined: {reason}";
        sms_cancelled: "【法i社区】您{when}的预约({code})已取消。", "[Fa-i Community] Booking {code} at {when} is cancelled.";
        sms_moved_to_backup: "【法i社区】原定律师{when}请假，您的预约({code})已由本社区后备律师接待。如需取消请在“我的预约”操作。", "[Fa-i Community] Your lawyer is on leave at {when}; booking {code} is now with the community's backup lawyer. You can cancel it under My bookings.";
        sms_waitlist_offer: "【法i社区】您候补的{when}有空位了，先约先得，请尽快在“预约”中预约。", "[Fa-i Community] A seat at {when} you waited for is free; first come, first served. Book it now.";
        sms_reminder: "【法i社区】提醒：您预约的法律咨询将于{when}开始，地点：{place}，预约码{code}。", "[Fa-i Community] Reminder: your consultation starts {when} at {place}, code {code}.";
        sms_code: "【法i社区】您的验证码是{code}，5分钟内有效。如非本人操作请忽略。", "[Fa-i Community] Your code is {code}, valid for 5 minutes. Ignore this if you did not ask for it.";
    }
}

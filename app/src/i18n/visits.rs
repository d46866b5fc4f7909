//! 家门口公证's strings: the pages the server renders for residents, lawyers and notary offices,
//! and the errors and messages about visits. Server-only: no front end's wasm carries them.

texts! {
    /// Home visits' strings.
    VisitTexts {
        title: "家门口公证", "Notary home visits";
        title_office: "上门公证", "Home visits";
        intro: "行动不便的居民可请公证员上门办理遗嘱、继承和委托公证。", "Residents who cannot easily go out can have a notary come home for a will, an inheritance or a power of attorney.";
        fee_rule: "年满65周岁的居民办理遗嘱公证免收公证费；其他事项按公证收费标准收取。", "A will is free for residents 65 or older; other matters cost the notary's standard fee.";
        office: "公证处", "Notary office";
        time: "上门时间", "Visit time";
        seats_left: "尚余", "Left";
        matter: "办理事项", "Matter";
        matter_will: "遗嘱", "Will";
        matter_inheritance: "继承", "Inheritance";
        matter_power_of_attorney: "委托", "Power of attorney";
        address: "上门地址", "Home address";
        note: "需要公证员事先了解的情况(选填)", "What the notary should know beforehand (optional)";
        birth_date: "出生日期", "Date of birth";
        book: "预约上门", "Book the visit";
        booked: "已预约上门公证", "Home visit booked";
        free: "免收公证费", "No fee";
        fee: "按标准收费", "Standard fee";
        mine: "我的上门公证", "My home visits";
        none_mine: "暂无上门公证预约", "No home visits booked";
        none_slots: "近两周暂无可预约的上门时间", "No visit times in the next fortnight";
        none_office: "暂无上门公证", "No home visits";
        cancel: "取消上门", "Cancel the visit";
        status_booked: "待上门", "Booked";
        status_done: "已办理", "Done";
        status_no_show: "未遇到当事人", "Nobody at home";
        status_cancelled: "已取消", "Cancelled";
        reason: "原因", "Reason";
        hours: "每周上门时间", "Weekly visit hours";
        save_hours: "保存上门时间", "Save the hours";
        weekday: "星期", "Weekday";
        start: "开始", "Start";
        end: "结束", "End";
        minutes: "每次(分钟)", "Minutes each";
        seats: "同时上门人数", "Notaries at once";
        resident: "当事人", "Resident";
        phone: "联系电话", "Phone";
        code: "预约号", "Booking code";
        mark_done: "已办理", "Done";
        mark_no_show: "未遇到当事人", "Nobody at home";
        call_off: "取消并说明原因", "Call off, with the reason";
        err_office: "该公证处不存在或不提供上门服务", "That notary office does not exist or does not visit residents";
        err_slot: "该时间不可预约，请另选时间", "That time cannot be booked; choose another";
        err_full: "该时间已约满，请另选时间", "That time is fully booked; choose another";
        err_address: "请填写上门地址(不超过200字)", "Give the home address (up to 200 characters)";
        err_note: "说明不超过500字", "The note is up to 500 characters";
        err_birth_date: "请按年-月-日填写真实的出生日期", "Give the real date of birth as year-month-day";
        err_too_many: "您已有3个待上门的预约，请先办理或取消", "You already have 3 visits booked; hold or cancel one first";
        err_hours: "上门时间有误：星期1至7，开始早于结束，每次30至240分钟，同时1至10人，最多14段且互不重叠", "The hours are wrong: weekday 1 to 7, start before end, 30 to 240 minutes each, 1 to 10 notaries, at most 14 periods that do not overlap";
        err_not_open: "该预约当前不能进行此操作", "This visit cannot be changed that way now";
        err_reason: "请说明原因(不超过200字)", "Give the reason (up to 200 characters)";
        err_not_notary: "您所在的机构不是公证处", "Your body is not a notary office";
        desk_hint: "居民在场时：先发送确认码到居民手机，居民告知后填入下方“居民确认码”再预约。", "With the resident beside you: send a code to their phone, then enter the code they read back below and book.";
        send_code: "发送确认码", "Send a code";
        code_sent: "确认码已发送至", "Code sent to";
        consent_code: "居民确认码", "The resident's code";
        book_for: "预约上门公证", "Book a notary's home visit";
        err_consent: "请让居民读出发到其手机上的验证码", "Ask the resident to read out the code sent to their phone";
    }
}

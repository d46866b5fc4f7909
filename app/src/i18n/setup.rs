//! The workbench's strings for running the programme: booking rules, closed days and bookings
//! settled, a lawyer's, a community's or a street's leaving, and the text messages.

texts! {
    /// The workbench's strings for running the programme.
    SetupTexts {
        settle_hand_over: "全部交给后备律师(B角或统筹律师)", "Hand them all to the backup (B or coordinator)";
        settle_reason: "取消原因(将发给居民)", "Why they are cancelled (sent to the residents)";
        settle_cancel: "全部取消并通知居民", "Cancel them all and tell the residents";
        settle_done: "已处理", "Done";
        retire_title: "退出项目", "Leaving the programme";
        retire_hint: "最后一天之后，这位律师的社区职务和值班结束，之后的预约交给各社区后备律师(B角或统筹律师)，或取消并通知居民。以往的值班和服务记录保留。", "After the last day the lawyer's roles and duty end; their bookings after it go to each community's backup (B or coordinator), or are cancelled and the residents told. Their past duty and services are kept.";
        retire_last_day: "最后一天", "Last day";
        retire_cancel: "取消之后的预约(不交给后备律师)", "Cancel the bookings after it (instead of handing them over)";
        retire_save: "办理退出", "Record the leaving";
        retire_done: "已办理。交给后备律师 / 取消的预约：", "Recorded. Bookings handed over / cancelled: ";
        retire_left: "已退出项目，最后一天：", "Left the programme; last day: ";
        closed_title: "闭馆日", "Closed days";
        closed_hint: "闭馆当天不开放预约。可只关本社区，或关整个街道(如街道统一活动、停电)。当天已有的预约会列在上方待处理。", "No booking on a closed day. Close this community only, or the whole street (a street-wide event, a power cut). Bookings already made for that day are listed above to settle.";
        closed_date: "日期", "Date";
        closed_note: "原因(内部)", "Why (staff only)";
        closed_street: "整个街道的社区都闭馆", "Close every community of the street";
        closed_save: "设为闭馆日", "Close that day";
        closed_done: "已闭馆的社区：", "Communities closed: ";
        closed_with_bookings: "当天有预约、需处理的社区：", "Communities with bookings that day to settle: ";
        nav_messages: "短信", "Text messages";
        messages_from: "从", "From";
        messages_to: "到", "To";
        messages_show: "查看", "Show";
        messages_none: "这段时间没有短信。", "No messages in this period.";
        messages_kind: "类型", "Kind";
        messages_queued: "排队", "Queued";
        messages_sent: "已发出", "Sent";
        messages_delivered: "已送达", "Delivered";
        messages_failed: "失败", "Failed";
        messages_waiting: "待发", "Waiting";
        messages_reasons: "失败原因", "Why they failed";
        nav_rules: "预约规则", "Booking rules";
        rules_hint: "全区规则适用于每个社区；个别社区可设自己的规则，完整替代全区规则。时间以分钟计(1天=1440分钟)，提醒填0表示不发。", "The district's rules apply to every community; a community may have its own, which replace the district's whole. Times are in minutes (a day is 1440); a reminder of 0 is not sent.";
        rules_scope: "适用范围", "Applies to";
        rules_district: "全区", "The whole district";
        rules_min_notice: "至少提前预约(分钟)", "Notice (minutes)";
        rules_window: "可预约天数", "Days open for booking";
        rules_max_live: "每人同时可有预约", "Bookings each at once";
        rules_cutoff: "取消、改约截止(开始前分钟)", "Cancel or move until (minutes before)";
        rules_first_reminder: "第一次提醒(开始前分钟)", "First reminder (minutes before)";
        rules_second_reminder: "第二次提醒(开始前分钟)", "Second reminder (minutes before)";
        rules_save: "保存规则", "Save the rules";
        rules_clear: "改回全区规则", "Back to the district's";
        rules_saved: "已保存", "Saved";
        leave_community: "社区退出项目", "A community leaves the programme";
        leave_community_hint: "最后一天之后，社区的值班和律师职务结束，之后的预约取消并通知居民；居民和未结束的问题转给接替社区(无接替社区时，居民需重新选择社区)。以往记录保留，看板只统计到最后一天。", "After the last day the community's duty and roles end and its later bookings are cancelled with a message; its residents and open questions go to the successor (without one, residents choose again). Its records are kept; the board counts it up to its last day.";
        leave_which: "退出的社区", "The community leaving";
        leave_successor: "接替社区", "Successor community";
        leave_no_successor: "无", "None";
        leave_done: "已办理。取消的预约 / 转出的居民 / 转出的问题：", "Recorded. Bookings cancelled / residents moved / questions moved: ";
        leave_street: "街道退出项目(其社区须已全部退出)", "The street leaves the programme (all its communities first)";
        leave_left: "已退出项目", "Left the programme";
    }
}

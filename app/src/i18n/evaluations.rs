//! The yearly evaluation's strings: the pages the server renders for staff and lawyers, and the
//! errors. Server-only: no front end's wasm carries them.

texts! {
    /// The yearly evaluation's strings.
    EvaluationTexts {
        title: "律师履约评价", "Lawyers' yearly evaluation";
        title_mine: "我的年度评价", "My year's evaluation";
        year: "年度", "Year";
        show: "查看", "Show";
        none: "该年度暂无律师记录", "No lawyer did anything in that year";
        score: "评分", "Score";
        no_score: "无可评分项", "Nothing to score";
        weight: "权重", "weight";
        not_measured: "本年无数据，不计", "nothing this year, not counted";
        part_duty: "值班天数达标", "Duty-days against quota";
        part_services: "服务记录(每值班日2件为满)", "Services (two a duty-day is full)";
        part_answers: "一天内答复", "Answered within a day";
        part_satisfaction: "满意度", "Satisfaction";
        part_complaints: "表扬与投诉", "Praise against complaints";
        figures: "值班{duty}/{quota}天，服务{services}件({people}人次)，答复{answered}件(一天内{within})，表扬{praise}、投诉{complaints}，更正{corrections}次，转介{referrals}件", "Duty {duty}/{quota} days, {services} services ({people} people), {answered} answers ({within} within a day), {praise} praise, {complaints} complaints, {corrections} corrections, {referrals} referrals";
        satisfaction: "平均满意度", "Mean satisfaction";
        by_category: "服务分类", "Services by category";
        median: "首次答复用时中位数", "Median time to the first answer";
        minutes: "{hours}小时{minutes}分", "{hours} h {minutes} min";
        streets: "服务街道", "Streets served";
        export: "导出本年度评价", "Export the year's evaluation";
        col_services: "服务总数", "Services";
        col_answered: "答复咨询", "Questions answered";
        col_within: "一天内答复", "Answered within a day";
        col_median: "首次答复用时中位数(分钟)", "Median minutes to the first answer";
        col_corrections: "更正次数", "Corrections";
        col_referrals: "转介件数", "Referrals";
        conclusion: "评价结论", "Conclusion";
        comment: "评语", "Comment";
        conclude: "保存评价", "Save the conclusion";
        answer: "律师回复", "The lawyer's answer";
        send_answer: "回复", "Answer";
        not_concluded: "尚未评价", "Not concluded yet";
        err_year: "请选择2000年至今年之间的年度", "Choose a year from 2000 to this year";
        err_conclusion: "请从评价等级中选择结论，评语不超过1000字", "Choose a conclusion from the scale; the comment is up to 1,000 characters";
        err_answered: "律师已回复，评价不能再修改", "The lawyer has answered; the conclusion can no longer change";
        err_not_concluded: "该年度尚未评价", "That year is not concluded yet";
        err_answer: "请填写回复(不超过1000字)", "Write the answer (up to 1,000 characters)";
        review_title: "质量评查", "Quality review";
        review_title_mine: "我的评查意见", "Findings on my work";
        review_intro: "按街道分层随机抽取期间内的答复和服务记录，逐项对照评查表打分；同一随机种子抽出的样本相同。", "A random sample of the period's answers and service records, stratified by street, each scored against the checklist; the same seed draws the same sample.";
        review_from: "起始日期", "From";
        review_to: "截止日期", "To";
        review_size: "抽查数量", "Sample size";
        review_seed: "随机种子(可不填)", "Seed (optional)";
        review_draw: "抽取样本", "Draw the sample";
        review_all_streets: "全区", "The whole district";
        review_answer: "网上答复", "Online answer";
        review_record: "服务记录", "Service record";
        review_checklist: "评查表(勾选为合格)", "Checklist (ticked: met)";
        review_findings: "评查意见", "Findings";
        review_failed: "不合格项", "Failed";
        review_score: "保存评分", "Save the score";
        review_none: "暂无评查意见", "No findings yet";
        err_review_period: "请选择起止日期，跨度不超过一年", "Choose a first and a last day, at most a year apart";
        err_review_size: "抽查数量须为1至500件", "The sample is 1 to 500 items";
        err_review_seed: "随机种子须为0至9007199254740991之间的整数", "The seed is a whole number from 0 to 9007199254740991";
        err_review_empty: "该期间内没有可抽查的答复或服务记录", "No answers or service records in that period to review";
        err_review_checks: "请对评查表的每一项给出结论", "Mark each item of the checklist";
        err_review_findings: "有不合格项时请写明评查意见(不超过1000字)", "Write the findings when an item fails (up to 1,000 characters)";
        err_lawyer: "该律师不在您的范围内或该年度无记录", "That lawyer is not in your scope or did nothing that year";
    }
}

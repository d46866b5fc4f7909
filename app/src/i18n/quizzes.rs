//! The month's theme and quiz: the pages the server renders for residents and staff, and the
//! errors. Server-only: no front end's wasm carries them.

texts! {
    /// The month's theme and quiz strings.
    QuizTexts {
        title: "本月普法主题", "This month's theme";
        title_staff: "每月普法主题与答题", "Monthly themes and quizzes";
        none: "本月暂无主题答题", "No theme quiz this month";
        articles: "主题文章", "The theme's articles";
        quiz: "答题", "Quiz";
        submit: "提交答案", "Send the answers";
        sign_in: "登录后即可参加答题", "Sign in to take the quiz";
        result: "您答对了{correct}题(共{total}题)", "You got {correct} of {total} right";
        right: "正确答案", "Right answer";
        yours: "您的答案", "Your answer";
        month: "月份", "Month";
        theme: "主题名称(文章的“每月主题”填写相同名称即归入本主题)", "Theme (articles naming it belong to it)";
        intro: "导语", "Introduction";
        question: "第{n}题", "Question {n}";
        prompt: "题干", "Prompt";
        option: "选项{n}", "Choice {n}";
        answer: "正确选项", "Right choice";
        save: "保存主题与题目", "Save the theme and quiz";
        stats: "各街道参与情况", "Participation by street";
        residents: "参与人数", "Residents";
        mean: "平均得分", "Mean score";
        show: "查看", "Show";
        err_month: "月份须为本月或之后12个月内(YYYY-MM)", "The month is this one or one of the next twelve (YYYY-MM)";
        err_title: "请填写主题名称(不超过40字)，导语不超过300字", "Name the theme (up to 40 characters); the introduction is up to 300";
        err_questions: "请出1至10道题，每题有题干(不超过200字)、2至4个不同选项(各不超过100字)和正确选项", "Write 1 to 10 questions, each with a prompt (up to 200 characters), 2 to 4 different choices (up to 100 each) and the right one";
        err_taken: "已有居民参加答题，题目不能再修改", "Residents have taken the quiz; it can no longer change";
        err_not_current: "只能参加本月的答题", "Only this month's quiz can be taken";
        err_choices: "请为每道题选择一个答案", "Choose an answer to every question";
        err_answered: "您已参加过本月答题", "You have taken this month's quiz";
    }
}

//! The demo library and articles: templates and guides written for this portal, and three
//! articles (every resident, one street, one community), published by the demo staff account.

use crate::files::blobs::Blobs;
use crate::files::inspect::samples;
use crate::store::now_ms;
use sqlx::{Any, Transaction};

/// A demo library document: title, category, tags, summary, file name, its paragraphs.
type DemoDocument = (&'static str, &'static str, &'static str, &'static str, &'static str, &'static [&'static str]);
/// A demo article: title, category, theme, street or community (by name), days ago, body.
type DemoArticle =
    (&'static str, &'static str, &'static str, Option<&'static str>, Option<&'static str>, i64, &'static str);

const DOCUMENTS: &[DemoDocument] = &[
    (
        "劳动仲裁申请书（模板）",
        "labour",
        "劳动仲裁,欠薪,工资,模板",
        "被拖欠工资、未签劳动合同或被违法解除时，向劳动人事争议仲裁委员会提出申请用。按提示填写后打印，附身份证复印件和证据清单。",
        "劳动仲裁申请书.docx",
        &[
            "劳动人事争议仲裁申请书",
            "申请人：姓名＿＿＿ 性别＿＿ 身份证号码＿＿＿＿＿＿ 联系电话＿＿＿＿＿ 住址＿＿＿＿＿＿",
            "被申请人：单位名称＿＿＿＿＿＿ 统一社会信用代码＿＿＿＿＿＿ 法定代表人＿＿＿ 地址＿＿＿＿＿＿",
            "仲裁请求：一、请求裁决被申请人支付＿＿年＿＿月至＿＿年＿＿月拖欠的工资共计人民币＿＿＿元；二、……",
            "事实与理由：申请人于＿＿年＿＿月入职被申请人处，岗位＿＿＿，月工资＿＿＿元。（写清入职时间、工作内容、工资标准、争议经过。）",
            "此致 ＿＿＿＿劳动人事争议仲裁委员会",
            "申请人（签名）：＿＿＿  日期：＿＿年＿＿月＿＿日",
            "附：1. 身份证复印件；2. 证据清单及证据（劳动合同、工资条、考勤记录、聊天记录等）。",
        ],
    ),
    (
        "借条（模板）",
        "debt",
        "借条,借款,民间借贷,模板",
        "亲友之间借钱时写借条用：写明出借人、借款人、金额（大写和小写）、用途、还款日期和利息约定，避免日后说不清。",
        "借条.docx",
        &[
            "借条",
            "今借到＿＿＿（身份证号码＿＿＿＿＿＿）人民币（大写）＿＿＿＿元整（小写￥＿＿＿），用于＿＿＿＿。",
            "借款人承诺于＿＿年＿＿月＿＿日前全部归还。利息约定：□无息 □年利率＿＿%（不超过法律保护的上限）。",
            "款项以□现金 □银行转账（账户＿＿＿＿＿＿）方式交付。",
            "借款人（签名并按手印）：＿＿＿  身份证号码：＿＿＿＿＿＿  电话：＿＿＿＿＿",
            "日期：＿＿年＿＿月＿＿日",
            "提示：转账时在备注中写明“借款”；收到还款时请出借人写收条。",
        ],
    ),
    (
        "法律援助申请表",
        "other",
        "法律援助,申请表,免费律师",
        "经济困难、需要律师代理或辩护时，向法律援助中心申请。填写本表并附经济状况说明和与案件有关的材料。",
        "法律援助申请表.docx",
        &[
            "法律援助申请表",
            "申请人：姓名＿＿＿ 身份证号码＿＿＿＿＿＿ 户籍或居住地＿＿＿＿＿＿ 联系电话＿＿＿＿＿",
            "申请事项：□劳动报酬 □工伤赔偿 □赡养抚养扶养 □交通事故赔偿 □其他＿＿＿＿",
            "案情简述：（时间、地点、对方、发生了什么、您希望得到什么帮助）",
            "经济状况：家庭人口＿＿人，月收入合计＿＿＿元。□低保 □特困 □其他可免予核查的情形＿＿＿",
            "申请人承诺以上内容真实。签名：＿＿＿ 日期：＿＿年＿＿月＿＿日",
        ],
    ),
    (
        "租房合同签订前的八个检查点",
        "tenancy",
        "租房,押金,合同,指引",
        "签租房合同前逐条核对：房东身份与房产证明、押金与退还条件、维修责任、提前退租、水电燃气计费、转租约定。",
        "租房合同检查点.docx",
        &[
            "租房合同签订前的八个检查点",
            "一、核对出租人身份证和房产证明（或转租授权）。",
            "二、写明押金金额、退还时间和可以扣除的情形。",
            "三、写明租金、支付方式和涨租约定。",
            "四、约定维修责任：哪些由房东修，哪些由租客修。",
            "五、约定提前退租的通知期限和违约金。",
            "六、水、电、燃气、管理费如何计费，入住时抄表拍照。",
            "七、能否转租、能否养宠物、能否登记居住证。",
            "八、交接清单：家具家电的品牌、数量和现状，双方签字。",
        ],
    ),
];

const ARTICLES: &[DemoArticle] = &[
    (
        "被拖欠工资怎么办：三步依法讨薪",
        "labour",
        "劳动者权益保护月",
        None,
        None,
        2,
        "工资被拖欠，先别急着“闹”，按下面三步走，既快又稳。\n\n\
         ## 第一步：留好证据\n\n劳动合同、工资条、考勤记录、工作群聊天、转账记录都是证据。**没有书面合同也能证明劳动关系。**\n\n\
         ## 第二步：先协商，再投诉\n\n与单位协商不成，可以向劳动监察部门投诉，或拨打 12345 反映。\n\n\
         ## 第三步：申请劳动仲裁\n\n仲裁不收费。申请书模板可在本站“资料共享”下载，填写有困难可以预约社区法律顾问当面指导。\n\n\
         > 申请仲裁的时效一般为一年，从知道权利被侵害之日起计算，请不要拖。",
    ),
    (
        "沙井街道十二月普法讲座：租房押金与合同",
        "tenancy",
        "",
        Some("沙井街道"),
        None,
        1,
        "十二月每周三晚上七点半，社区法律顾问在各社区党群服务中心讲解租房合同和押金退还。\n\n\
         - 带上您的租房合同，可以现场请律师看一看\n- 讲座免费，无需报名\n\n\
         不方便到场的居民，可以在本站预约律师电话咨询。",
    ),
    (
        "后亭社区：法律顾问值班时间调整",
        "other",
        "",
        None,
        Some("后亭社区"),
        0,
        "自本周起，后亭社区法律顾问值班时间为**每个工作日上午九点至十二点**，地点不变。\n\n可在本站提前预约，减少排队。",
    ),
];

/// An error while loading the demo's documents.
type LoadError = Box<dyn std::error::Error + Send + Sync>;

/// Writes the demo documents' bytes and rows, and the demo articles, inside `tx`.
pub async fn load(tx: &mut Transaction<'_, Any>, blobs: &Blobs, staff_id: i64) -> Result<(), LoadError> {
    let now = now_ms();
    for (i, document) in DOCUMENTS.iter().enumerate() {
        load_document(tx, blobs, staff_id, now, i, document).await?;
    }
    for article in ARTICLES {
        load_article(tx, staff_id, now, article).await?;
    }
    Ok(())
}

/// One library document: its file's bytes and row, the document and its first version.
async fn load_document(
    tx: &mut Transaction<'_, Any>,
    blobs: &Blobs,
    staff_id: i64,
    now: i64,
    i: usize,
    (title, category, tags, summary, file_name, paragraphs): &DemoDocument,
) -> Result<(), LoadError> {
    let bytes = samples::docx(paragraphs);
    let key = Blobs::key_of(&bytes);
    let size = i64::try_from(bytes.len())?;
    blobs.put(&key, bytes).await?;
    let token = format!("{:032x}", 0xdeu128 << 120 | (now as u128) << 16 | i as u128);
    let file_id: i64 = sqlx::query_scalar(
        "INSERT INTO files (token, blob_key, kind, name, size, uploaded_by, created_at, purpose) \
         VALUES ($1, $2, 'docx', $3, $4, $5, $6, 'library') RETURNING id",
    )
    .bind(token)
    .bind(&key)
    .bind(*file_name)
    .bind(size)
    .bind(staff_id)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    let tags_list: Vec<String> = tags.split(',').map(str::to_owned).collect();
    let search = crate::library::search_text(title, &tags_list, summary);
    let document_id: i64 = sqlx::query_scalar(
        "INSERT INTO documents (title, category, tags, summary, search_text, published_by, created_at, updated_at, downloads) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) RETURNING id",
    )
    .bind(*title)
    .bind(*category)
    .bind(*tags)
    .bind(*summary)
    .bind(search)
    .bind(staff_id)
    .bind(now)
    .bind(i64::try_from(40 - i * 9)?)
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO document_versions (document_id, version, file_id, note, created_by, created_at) VALUES ($1, 1, $2, '', $3, $4)",
    )
    .bind(document_id)
    .bind(file_id)
    .bind(staff_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One 普法 article, published `days_ago`, for everyone, a street or a community.
async fn load_article(
    tx: &mut Transaction<'_, Any>,
    staff_id: i64,
    now: i64,
    (title, category, theme, street, community, days_ago, body): &DemoArticle,
) -> Result<(), LoadError> {
    let street_id: Option<i64> = match street {
        Some(name) => {
            Some(sqlx::query_scalar("SELECT id FROM streets WHERE name = $1").bind(*name).fetch_one(&mut **tx).await?)
        }
        None => None,
    };
    let community_id: Option<i64> = match community {
        Some(name) => Some(
            sqlx::query_scalar("SELECT id FROM communities WHERE name = $1").bind(*name).fetch_one(&mut **tx).await?,
        ),
        None => None,
    };
    let at = now - days_ago * 86_400_000;
    sqlx::query(
        "INSERT INTO articles (title, category, theme, body_md, body_html, street_id, community_id, publish_at, announced_at, author_id, created_at, reads) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $8, $10)",
    )
    .bind(*title)
    .bind(*category)
    .bind(*theme)
    .bind(*body)
    .bind(crate::markdown::render(body).into_string())
    .bind(street_id)
    .bind(community_id)
    .bind(at)
    .bind(staff_id)
    .bind(120 - days_ago * 35)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

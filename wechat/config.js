// The portal this mini-program opens: its PUBLIC_URL, which must also be the mini-program's
// 业务域名 (web-view) and request 合法域名 (see docs/DEPLOY.md).
module.exports = { PORTAL: 'https://fai.example.gov.cn' };

/** The emulated panel's stylesheet (served at /assets/evo.css): Evolution's colours and frame, nothing fetched from elsewhere. */
export const EVO_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 "Open Sans", "Segoe UI", Roboto, Arial, sans-serif; color: #3c4858; background: #eef1f6; }
a { color: #1a73e8; text-decoration: none; }
a:hover { text-decoration: underline; }
button, input, select { font: inherit; }
button { background: #1a73e8; color: #fff; border: 0; border-radius: 3px; padding: 5px 12px; cursor: pointer; }
button.secondary { background: #fff; color: #3c4858; border: 1px solid #c9d1dc; }
button.danger { background: #d93025; }
input, select { border: 1px solid #c9d1dc; border-radius: 3px; padding: 4px 8px; background: #fff; }
.topbar { display: flex; align-items: center; gap: 16px; background: #233044; color: #fff; padding: 8px 20px; }
.topbar .brand { font-size: 18px; font-weight: 600; margin-right: auto; }
.topbar .brand small { font-weight: 400; color: #9fb3c8; margin-left: 4px; }
.topbar .level { text-transform: uppercase; font-size: 12px; letter-spacing: .05em; background: #35507a; border-radius: 3px; padding: 2px 8px; }
.topbar form { margin: 0; }
.login-as { margin: 0; padding: 6px 20px; background: #fff4e5; border-bottom: 1px solid #f5c26b; }
.frame { display: flex; min-height: calc(100vh - 48px); }
.menu { width: 210px; background: #fff; border-right: 1px solid #dde3eb; padding: 16px 0; flex-shrink: 0; }
.menu ul { list-style: none; margin: 0; padding: 0; }
.menu li a, .plugins a { display: block; padding: 6px 20px; color: #3c4858; }
.menu li a:hover, .plugins a:hover { background: #eef4fd; text-decoration: none; }
.menu h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: #8a94a6; margin: 20px 20px 4px; }
.plugins img { vertical-align: -3px; }
.content { flex: 1; padding: 20px 28px; min-width: 0; }
.content h1 { font-size: 22px; font-weight: 600; margin: 0 0 16px; }
.content h2 { font-size: 16px; margin: 24px 0 8px; }
.card { background: #fff; border: 1px solid #dde3eb; border-radius: 4px; padding: 16px; margin-bottom: 16px; }
.card-head { display: flex; align-items: center; gap: 16px; margin-bottom: 12px; }
.card-head h2 { margin: 0 auto 0 0; }
.card-head form { margin: 0; }
table.list { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid #dde3eb; }
table.list th, table.list td { border-bottom: 1px solid #e3e7ed; padding: 7px 10px; text-align: left; vertical-align: middle; }
table.list th { background: #f5f7fa; font-weight: 600; }
table.list form { display: inline; margin: 0; }
.form-grid { display: grid; grid-template-columns: 160px minmax(0, 360px); gap: 8px 12px; align-items: center; }
.inline-form { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 0; }
.inline-form.spaced { margin-top: 12px; }
.flash { border-radius: 4px; padding: 8px 14px; margin-bottom: 16px; }
.flash p { margin: 0; }
.flash-ok { background: #e8f5e9; border: 1px solid #a5d6a7; }
.flash-error { background: #fdecea; border: 1px solid #f5a3a3; }
.hooks { margin-top: 4px; font-size: 13px; }
.hooks ul { margin: 4px 0 0; padding-left: 20px; }
.hook-ok { color: #1e7e34; }
.hook-failed { color: #d93025; font-weight: 600; }
.badge { display: inline-block; border-radius: 3px; padding: 0 6px; font-size: 12px; background: #e3e7ed; }
.badge-suspended { background: #fdecea; color: #b3261e; }
.muted { color: #8a94a6; }
.login { max-width: 360px; margin: 12vh auto; background: #fff; border: 1px solid #dde3eb; border-radius: 6px; padding: 28px; }
.login h1 { font-size: 20px; margin: 0 0 16px; }
.login label { display: block; margin: 10px 0 4px; }
.login input { width: 100%; }
.login button { margin-top: 16px; width: 100%; padding: 8px; }
iframe.plugin-frame { width: 100%; height: calc(100vh - 150px); min-height: 480px; border: 1px solid #dde3eb; background: #fff; }
body.plugin-page { background: #fff; padding: 16px; }
.table-scroll { overflow-x: auto; }
/* A phone: the top bar wraps, the menu becomes a row above the content, lists become cards, forms stack. */
@media (max-width: 700px) {
  .topbar { flex-wrap: wrap; gap: 8px; padding: 8px 12px; }
  .topbar .brand { flex-basis: 100%; }
  .login-as { padding: 6px 12px; }
  .frame { display: block; min-height: 0; }
  .menu { width: auto; border-right: 0; border-bottom: 1px solid #dde3eb; padding: 4px 0; }
  .menu ul, .plugins { display: flex; flex-wrap: wrap; }
  .menu li a, .plugins a { padding: 6px 12px; }
  .menu h2 { display: none; }
  .content { padding: 12px; }
  .card-head { flex-wrap: wrap; }
  table.list, table.list tbody, table.list tr, table.list td { display: block; }
  table.list { border: 0; background: none; }
  table.list thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.list tr { background: #fff; border: 1px solid #dde3eb; border-radius: 4px; margin-bottom: 8px; padding: 6px 10px; }
  table.list td { border: 0; padding: 3px 0; overflow-wrap: anywhere; }
  table.list td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
  .form-grid { grid-template-columns: minmax(0, 1fr); }
  .form-grid > span:empty { display: none; }
  .login { margin: 6vh 12px; padding: 20px; }
  iframe.plugin-frame { height: calc(100vh - 180px); min-height: 420px; }
}
`;

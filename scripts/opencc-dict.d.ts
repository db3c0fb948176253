/** opencc-js ships its dictionaries as modules without types: each is one string, "傳 传|億 亿|…". */
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string
  export default dict
}

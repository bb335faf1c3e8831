// The parts of PDFKit's API the programme PDF uses (the package ships no types of its own).
declare module "pdfkit" {
  type TextOptions = {
    width?: number;
    align?: "left" | "right" | "center" | "justify";
    continued?: boolean;
    lineGap?: number;
    paragraphGap?: number;
    indent?: number;
  };
  type DocumentOptions = {
    size?: string | [number, number];
    margin?: number;
    bufferPages?: boolean;
    info?: { Title?: string; Author?: string; Subject?: string; CreationDate?: Date };
    lang?: string;
    displayTitle?: boolean;
  };
  class PDFDocument {
    constructor(options?: DocumentOptions);
    page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } };
    x: number;
    y: number;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(colour: string): this;
    text(text: string, options?: TextOptions): this;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    moveDown(lines?: number): this;
    addPage(): this;
    on(event: "data", listener: (chunk: Uint8Array) => void): this;
    on(event: "end", listener: () => void): this;
    on(event: "error", listener: (error: Error) => void): this;
    end(): void;
  }
  export default PDFDocument;
}

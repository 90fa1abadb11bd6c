// What OmegaT shows in its Comments pane beside each segment of a file: the file is read by
// OmegaT's own filter (the one its project would pick, after loading its plugins as OmegaT does
// at start), and every segment is printed as "ENTRY<TAB>comment", the comment with backslashes
// and line breaks escaped (\\, \n). Run with the OmegaT jar on the class path:
//   java -Djava.awt.headless=true -cp /usr/share/omegat/OmegaT.jar Comments.java FILE [SRC TGT]
import java.util.HashMap;
import java.util.List;
import org.omegat.core.Core;
import org.omegat.core.data.ProtectedPart;
import org.omegat.filters2.FilterContext;
import org.omegat.filters2.IFilter;
import org.omegat.filters2.IParseCallback;
import org.omegat.filters2.master.FilterMaster;
import org.omegat.filters2.master.PluginUtils;
import org.omegat.util.Language;

public class Comments {
  public static void main(String[] args) throws Exception {
    String src = args.length > 1 ? args[1] : "ja";
    String tgt = args.length > 2 ? args[2] : "en";
    PluginUtils.loadPlugins(new HashMap<String, String>());
    FilterMaster fm = new FilterMaster(FilterMaster.createDefaultFiltersConfig());
    Core.setFilterMaster(fm);
    IParseCallback cb = new IParseCallback() {
      public void addEntry(String id, String source, String translation, boolean fuzzy, String comment, String path,
                           IFilter filter, List<ProtectedPart> parts) {
        String c = comment == null ? "" : comment.replace("\\", "\\\\").replace("\n", "\\n");
        System.out.println("ENTRY\t" + c);
      }
      public void addEntry(String id, String source, String translation, boolean fuzzy, String comment, IFilter filter) {
        addEntry(id, source, translation, fuzzy, comment, null, filter, null);
      }
      public void linkPrevNextSegments() {}
    };
    IFilter f = fm.loadFile(args[0], new FilterContext(new Language(src), new Language(tgt), false), cb);
    if (f == null) {
      System.err.println("no OmegaT filter for " + args[0]);
      System.exit(1);
    }
    System.out.println("FILTER\t" + f.getClass().getName());
  }
}
